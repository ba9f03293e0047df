package sandbox

// product is one listing of the demo seller.
type product struct {
	asin, sku    string
	priceCents   int64 // in EUR; other currencies scale it by the marketplace's factor
	customizable bool  // Amazon Custom: the buyer supplies details
	digital      bool  // delivered as an access key
	warranty     bool  // sold with a manufacturer's warranty
	title        map[string]string
}

// catalog is the demo seller's product range, titled in each marketplace language.
var catalog = []product{
	{asin: "B0C7K2M4QX", sku: "CB-OAK-ENGR-40", priceCents: 3499, customizable: true, title: map[string]string{
		"de": "Personalisiertes Schneidebrett aus Eichenholz mit Gravur, 40 x 25 cm",
		"fr": "Planche à découper personnalisée en chêne avec gravure, 40 x 25 cm",
		"it": "Tagliere personalizzato in legno di rovere con incisione, 40 x 25 cm",
		"es": "Tabla de cortar personalizada de madera de roble con grabado, 40 x 25 cm",
		"en": "Personalised Oak Chopping Board with Engraving, 40 x 25 cm",
	}},
	{asin: "B09XQ1TR7L", sku: "BTL-INS-750-BLU", priceCents: 2299, title: map[string]string{
		"de": "Edelstahl-Trinkflasche 750 ml, isoliert, auslaufsicher, Blau",
		"fr": "Gourde isotherme en acier inoxydable 750 ml, étanche, bleu",
		"it": "Borraccia termica in acciaio inox 750 ml, a prova di perdite, blu",
		"es": "Botella térmica de acero inoxidable 750 ml, antigoteo, azul",
		"en": "Insulated Stainless Steel Water Bottle 750 ml, Leak-Proof, Blue",
	}},
	{asin: "B08R5NWZ2D", sku: "ORG-BAMB-6PC", priceCents: 2799, title: map[string]string{
		"de": "Bambus-Schubladen-Organizer, 6-teiliges Set für Küche und Büro",
		"fr": "Organisateur de tiroir en bambou, lot de 6 pour cuisine et bureau",
		"it": "Organizer per cassetti in bambù, set da 6 per cucina e ufficio",
		"es": "Organizador de cajones de bambú, juego de 6 para cocina y oficina",
		"en": "Bamboo Drawer Organiser Set of 6 for Kitchen and Office",
	}},
	{asin: "B0B3LMP8VK", sku: "LAMP-LED-USBC-BLK", priceCents: 4599, warranty: true, title: map[string]string{
		"de": "LED-Schreibtischlampe dimmbar mit USB-C-Ladeanschluss, Schwarz",
		"fr": "Lampe de bureau LED à intensité variable avec port de charge USB-C, noir",
		"it": "Lampada da scrivania LED dimmerabile con porta di ricarica USB-C, nero",
		"es": "Lámpara de escritorio LED regulable con puerto de carga USB-C, negro",
		"en": "Dimmable LED Desk Lamp with USB-C Charging Port, Black",
	}},
	{asin: "B07ZPK3J9H", sku: "COF-DRIP-CER-02", priceCents: 1899, title: map[string]string{
		"de": "Keramik-Kaffeefilter Handfilter Größe 02, Weiß",
		"fr": "Dripper à café en céramique taille 02, blanc",
		"it": "Filtro caffè in ceramica per pour-over misura 02, bianco",
		"es": "Gotero de café de cerámica tamaño 02, blanco",
		"en": "Ceramic Pour-Over Coffee Dripper Size 02, White",
	}},
	{asin: "B0CJ4TQ6NB", sku: "SW-LANG-12M-KEY", priceCents: 5999, digital: true, title: map[string]string{
		"de": "Sprachkurs-Software, 12 Monate Lizenz, Aktivierungsschlüssel",
		"fr": "Logiciel d'apprentissage des langues, licence 12 mois, clé d'activation",
		"it": "Software per corsi di lingua, licenza 12 mesi, chiave di attivazione",
		"es": "Software de aprendizaje de idiomas, licencia de 12 meses, clave de activación",
		"en": "Language Learning Software, 12-Month Licence, Activation Key",
	}},
	{asin: "B0BT9WXD3R", sku: "NECK-NAME-925", priceCents: 3999, customizable: true, title: map[string]string{
		"de": "Namenskette aus 925er Sterlingsilber mit Wunschnamen",
		"fr": "Collier prénom personnalisé en argent sterling 925",
		"it": "Collana con nome personalizzato in argento sterling 925",
		"es": "Collar con nombre personalizado de plata de ley 925",
		"en": "Personalised Name Necklace in 925 Sterling Silver",
	}},
	{asin: "B09H7YKC5M", sku: "YOGA-MAT-6MM-GRN", priceCents: 2999, title: map[string]string{
		"de": "Yogamatte 6 mm rutschfest mit Tragegurt, Grün",
		"fr": "Tapis de yoga 6 mm antidérapant avec sangle de transport, vert",
		"it": "Tappetino yoga 6 mm antiscivolo con cinghia, verde",
		"es": "Esterilla de yoga 6 mm antideslizante con correa, verde",
		"en": "Non-Slip Yoga Mat 6 mm with Carry Strap, Green",
	}},
	{asin: "B0816GZQ1T", sku: "PAN-CI-26", priceCents: 3899, warranty: true, title: map[string]string{
		"de": "Gusseisenpfanne 26 cm, vorgeölt, für Induktion geeignet",
		"fr": "Poêle en fonte 26 cm, pré-culottée, compatible induction",
		"it": "Padella in ghisa 26 cm, pre-stagionata, adatta all'induzione",
		"es": "Sartén de hierro fundido 26 cm, precurada, apta para inducción",
		"en": "Cast Iron Skillet 26 cm, Pre-Seasoned, Induction Compatible",
	}},
	{asin: "B0CX8RJ2PL", sku: "AV-SUITE-3DEV-1Y", priceCents: 3499, digital: true, title: map[string]string{
		"de": "Internet-Security-Suite für 3 Geräte, 1 Jahr, Download-Code",
		"fr": "Suite de sécurité Internet pour 3 appareils, 1 an, code de téléchargement",
		"it": "Suite di sicurezza Internet per 3 dispositivi, 1 anno, codice download",
		"es": "Suite de seguridad en Internet para 3 dispositivos, 1 año, código de descarga",
		"en": "Internet Security Suite for 3 Devices, 1 Year, Download Code",
	}},
	{asin: "B08KTZ4W6F", sku: "PUZ-WOOD-ANIM-4", priceCents: 1699, title: map[string]string{
		"de": "Holzpuzzle für Kinder ab 2 Jahren, 4 Tiermotive",
		"fr": "Puzzle en bois pour enfants dès 2 ans, 4 motifs animaux",
		"it": "Puzzle in legno per bambini da 2 anni, 4 soggetti animali",
		"es": "Puzle de madera para niños a partir de 2 años, 4 motivos de animales",
		"en": "Wooden Jigsaw Puzzles for Kids Age 2+, 4 Animal Designs",
	}},
	{asin: "B0B8NF7Q2S", sku: "SOCK-MER-3P-L", priceCents: 2499, title: map[string]string{
		"de": "Merino-Wandersocken, 3 Paar, Größe 43-46",
		"fr": "Chaussettes de randonnée en mérinos, lot de 3 paires, taille 43-46",
		"it": "Calze da trekking in lana merino, 3 paia, taglia 43-46",
		"es": "Calcetines de senderismo de merino, 3 pares, talla 43-46",
		"en": "Merino Wool Hiking Socks, 3 Pairs, Size L",
	}},
}

// place is a delivery city of a demo order.
type place struct{ city, postal, region string }

// buyerNames and places give each marketplace plausible buyers and addresses.
var buyerNames = map[string][]string{
	"DE": {"Anna Schmidt", "Lukas Müller", "Sophie Weber", "Jonas Becker", "Marie Hoffmann", "Felix Schäfer", "Lea Koch", "Paul Richter"},
	"FR": {"Camille Dubois", "Hugo Martin", "Léa Bernard", "Louis Petit", "Chloé Moreau", "Gabriel Laurent"},
	"IT": {"Giulia Rossi", "Marco Bianchi", "Francesca Romano", "Luca Colombo", "Chiara Ricci"},
	"ES": {"Lucía García", "Hugo Fernández", "Martina López", "Pablo Martínez", "Sofía Sánchez"},
	"UK": {"Oliver Smith", "Amelia Jones", "Harry Taylor", "Isla Brown", "George Wilson", "Ava Davies"},
	"US": {"Emily Johnson", "Michael Williams", "Olivia Brown", "James Miller", "Sophia Davis", "Daniel Garcia"},
}

var places = map[string][]place{
	"DE": {{"Berlin", "10115", "Berlin"}, {"München", "80331", "Bayern"}, {"Hamburg", "20095", "Hamburg"}, {"Köln", "50667", "Nordrhein-Westfalen"}, {"Leipzig", "04109", "Sachsen"}},
	"FR": {{"Paris", "75011", "Île-de-France"}, {"Lyon", "69002", "Auvergne-Rhône-Alpes"}, {"Nantes", "44000", "Pays de la Loire"}, {"Toulouse", "31000", "Occitanie"}},
	"IT": {{"Milano", "20121", "MI"}, {"Roma", "00184", "RM"}, {"Torino", "10121", "TO"}, {"Bologna", "40121", "BO"}},
	"ES": {{"Madrid", "28013", "Madrid"}, {"Barcelona", "08002", "Barcelona"}, {"Valencia", "46002", "Valencia"}, {"Sevilla", "41004", "Sevilla"}},
	"UK": {{"London", "SW1A 1AA", "Greater London"}, {"Manchester", "M1 1AE", "Greater Manchester"}, {"Bristol", "BS1 4DJ", "Bristol"}, {"Leeds", "LS1 4AP", "West Yorkshire"}},
	"US": {{"Seattle", "98101", "WA"}, {"Austin", "78701", "TX"}, {"Denver", "80202", "CO"}, {"Brooklyn", "11201", "NY"}, {"Portland", "97205", "OR"}},
}

var streets = map[string][]string{
	"DE": {"Hauptstraße 12", "Bahnhofstraße 5", "Gartenweg 7a", "Lindenallee 23"},
	"FR": {"12 rue de la République", "5 avenue Jean Jaurès", "27 boulevard Voltaire"},
	"IT": {"Via Roma 14", "Corso Italia 22", "Via Garibaldi 8"},
	"ES": {"Calle Mayor 10", "Avenida de la Constitución 4", "Calle del Sol 17"},
	"UK": {"14 High Street", "3 Church Lane", "27 Station Road"},
	"US": {"1200 Pine St", "455 Oak Ave Apt 3B", "78 Maple Dr"},
}

// carriers ship merchant-fulfilled packages per marketplace.
var carriers = map[string][]string{
	"DE": {"DHL", "Hermes", "DPD"},
	"FR": {"Colissimo", "Chronopost"},
	"IT": {"BRT", "Poste Italiane"},
	"ES": {"Correos", "SEUR"},
	"UK": {"Royal Mail", "Evri"},
	"US": {"USPS", "UPS"},
}
