package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/policy"
)

// The limits Amazon sets on a message's files; app.Send enforces them too,
// the composer only says so before the seller confirms.
const (
	maxAttachments     = 5
	maxAttachmentBytes = 10 << 20
)

// attachedFile is a file the seller picked. It is only read when the
// message is sent; until then the composer knows its path and size.
type attachedFile struct {
	id   int
	path string
	size int64 // -1 until the file was looked at
}

func (f attachedFile) name() string { return filepath.Base(f.path) }

// takesFiles reports whether Amazon's model lets a kind carry attachments.
func takesFiles(k policy.Kind) bool {
	switch k {
	case policy.KindConfirmCustomizationDetails, policy.KindDigitalAccessKey,
		policy.KindLegalDisclosure, policy.KindWarranty, policy.KindInvoice:
		return true
	}
	return false
}

// filesOnly reports whether the chosen kind carries files and no text.
func (c *Composer) filesOnly() bool { return c.kind != "" && !c.kind.TakesText() }

// Attachments are the paths of the files that go out with the message: none
// while the chosen kind takes no files.
func (c *Composer) Attachments() []string {
	if !takesFiles(c.kind) || len(c.files) == 0 {
		return nil
	}
	out := make([]string, len(c.files))
	for i, f := range c.files {
		out[i] = f.path
	}
	return out
}

// SetAttachments replaces the picked files, for example with a saved
// draft's; files that cannot be sent are dropped with a note once looked at.
func (c *Composer) SetAttachments(paths []string) {
	c.files = nil
	c.setAttachNote("")
	for _, p := range paths {
		c.attach(p)
	}
	c.showFiles()
	c.check()
}

// addAttachment attaches the file at path, as the file dialog does. A sixth
// file or one attached already is refused with a note.
func (c *Composer) addAttachment(path string) {
	switch {
	case !takesFiles(c.kind) || path == "":
		return
	case len(c.files) >= maxAttachments:
		c.setAttachNote(tr("composer.attach.full", map[string]any{"Name": filepath.Base(path), "Max": maxAttachments}))
		return
	case slices.ContainsFunc(c.files, func(f attachedFile) bool { return f.path == path }):
		c.setAttachNote(tr("composer.attach.twice", map[string]any{"Name": filepath.Base(path)}))
		return
	}
	c.setAttachNote("")
	c.attach(path)
	c.showFiles()
	c.check()
	c.edited()
}

// attach adds a file and looks up its size off the UI goroutine.
func (c *Composer) attach(path string) {
	if len(c.files) >= maxAttachments {
		return
	}
	c.fileSeq++
	f := attachedFile{id: c.fileSeq, path: path, size: -1}
	c.files = append(c.files, f)
	c.tasks.run(func() func() {
		info, err := os.Stat(path)
		return func() { c.onStat(f.id, info, err) }
	})
}

// onStat shows a file's size, or drops a file that cannot be sent and says why.
func (c *Composer) onStat(id int, info os.FileInfo, err error) {
	i := slices.IndexFunc(c.files, func(f attachedFile) bool { return f.id == id })
	if i < 0 {
		return
	}
	name := c.files[i].name()
	note := ""
	switch {
	case err != nil || info.IsDir():
		note = tr("composer.attach.unreadable", map[string]any{"Name": name})
	case info.Size() > maxAttachmentBytes:
		note = tr("composer.attach.toolarge", map[string]any{"Name": name})
	case info.Size() == 0:
		note = tr("composer.attach.empty", map[string]any{"Name": name})
	default:
		c.files[i].size = info.Size()
		c.showFiles()
		c.check()
		return
	}
	c.files = slices.Delete(c.files, i, i+1)
	c.setAttachNote(note)
	c.showFiles()
	c.check()
	c.edited()
}

// removeAttachment drops a picked file.
func (c *Composer) removeAttachment(id int) {
	i := slices.IndexFunc(c.files, func(f attachedFile) bool { return f.id == id })
	if i < 0 {
		return
	}
	c.files = slices.Delete(c.files, i, i+1)
	c.setAttachNote("")
	c.showFiles()
	c.check()
	c.edited()
}

// filesReady reports whether every file that goes out was looked at and can.
func (c *Composer) filesReady() bool {
	return !takesFiles(c.kind) || !slices.ContainsFunc(c.files, func(f attachedFile) bool { return f.size < 0 })
}

// onAttachTapped lets the seller pick a file; only its path is kept.
func (c *Composer) onAttachTapped() {
	if c.cfg.Window == nil || len(c.files) >= maxAttachments {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		u := r.URI()
		_ = r.Close()
		if u.Scheme() != "file" {
			c.setAttachNote(tr("composer.attach.unreadable", map[string]any{"Name": u.Name()}))
			return
		}
		c.addAttachment(u.Path())
	}, c.cfg.Window)
	c.showDialog(d)
}

// buildAttachUI makes the attachments area under the editor.
func (c *Composer) buildAttachUI() {
	c.attachButton = &widget.Button{Icon: theme.FileIcon(), OnTapped: c.onAttachTapped}
	c.attachHint = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	c.filesOnlyNote = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	c.fileRows = container.NewVBox()
	c.attachNote = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.attachNote.Hide()
	c.attachBox = container.NewVBox(c.filesOnlyNote,
		container.NewBorder(nil, nil, c.attachButton, nil, c.attachHint), c.fileRows, c.attachNote)
}

// showFiles draws the attachments area for the chosen kind and files.
func (c *Composer) showFiles() {
	if !takesFiles(c.kind) {
		c.attachBox.Hide()
		return
	}
	c.attachBox.Show()
	if c.filesOnly() {
		c.filesOnlyNote.SetText(tr("composer.attach.filesonly", map[string]any{"Max": maxAttachments}))
		c.filesOnlyNote.Show()
	} else {
		c.filesOnlyNote.Hide()
	}
	full := len(c.files) >= maxAttachments
	setEnabled(c.attachButton, !full && c.cfg.Window != nil)
	if full {
		c.attachHint.SetText(tr("composer.attach.limit", map[string]any{"Max": maxAttachments}))
	} else {
		c.attachHint.SetText(tr("composer.attach.hint", map[string]any{"Max": maxAttachments, "N": len(c.files)}))
	}
	c.fileRows.RemoveAll()
	for _, f := range c.files {
		size := "…"
		if f.size >= 0 {
			size = fmtSize(f.size)
		}
		id := f.id
		remove := &widget.Button{Text: tr("composer.attach.remove"), Icon: theme.DeleteIcon(),
			Importance: widget.LowImportance, OnTapped: func() { c.removeAttachment(id) }}
		label := &widget.Label{Text: f.name() + " · " + size, Truncation: fyne.TextTruncateEllipsis}
		c.fileRows.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
}

// setAttachNote says why a file was refused; "" hides the note.
func (c *Composer) setAttachNote(text string) {
	c.attachNote.SetText(text)
	if text == "" {
		c.attachNote.Hide()
	} else {
		c.attachNote.Show()
	}
}

// filesSummary is the confirmation's line about the files, "" without any.
func (c *Composer) filesSummary() string {
	paths := c.Attachments()
	if len(paths) == 0 {
		return ""
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	key := "composer.confirm.files"
	if len(names) == 1 {
		key = "composer.confirm.files.one"
	}
	return tr(key, map[string]any{"N": len(names), "Names": strings.Join(names, ", ")})
}

// fmtSize shows a file size the way file managers do, with the window's
// decimal separator.
func fmtSize(n int64) string {
	var s string
	switch {
	case n < 1<<10:
		s = fmt.Sprintf("%d B", n)
	case n < 1<<20:
		s = fmt.Sprintf("%d KB", (n+1<<9)>>10)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	if Lang() == LanguageGerman {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
