// Command sellermail is Sellermail: the desktop window when run without a
// command, the command line otherwise (see 'sellermail help').
package main

import (
	// For its init, which runs before Fyne's (see the package): Fyne's
	// complaint about a C locale stays off stderr.
	_ "sellermail/cmd/internal/fynenoise"

	"context"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/assets"
	"sellermail/cmd/internal/cli"
	"sellermail/ui"
)

// appID identifies the app to the desktop and names its preferences.
const appID = "app.sellermail.desktop"

func main() {
	// First of all, so that no child process (the browser opened for a
	// link) inherits the credentials; from here on they travel in Options.
	getenv := app.TakeEnvCredentials()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: getenv}, openWindow(ctx, getenv))
	stop()
	os.Exit(code)
}

// openWindow returns the cli.WindowFunc that runs the desktop window until
// it closes or ctx ends; getenv reads the environment (see app.TakeEnvCredentials).
func openWindow(ctx context.Context, getenv func(string) string) cli.WindowFunc {
	return func(g cli.Global) error {
		a := fyneapp.NewWithID(appID)
		a.SetIcon(assets.Icon)
		var language i18n.Lang
		if g.UILang != "" {
			// --ui-lang wins for this run without changing the saved choice.
			language = i18n.FromLocale(g.UILang)
		}
		w := a.NewWindow("Sellermail")
		w.Resize(fyne.NewSize(1200, 800))
		w.SetMaster()
		win := ui.Run(a, w, ui.Config{ForceDemo: g.Demo, Language: language, Version: cli.VersionLine(), Open: func(ctx context.Context, demo bool) (*app.Service, error) {
			opts, err := app.OptionsFromLookup(app.Options{DataDir: g.DataDir, Demo: demo, Version: cli.Version}, getenv)
			if err != nil {
				return nil, err
			}
			return app.Open(ctx, opts)
		}})
		a.Lifecycle().SetOnStopped(win.Close)
		go func() {
			<-ctx.Done()
			fyne.Do(a.Quit)
		}()
		w.ShowAndRun()
		return nil
	}
}
