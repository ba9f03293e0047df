package ui

import (
	"maps"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
)

// rateLimitQuiet is how long a running sync may report nothing before the
// window says it is waiting for Amazon's rate limit: the client waits
// silently, and pages otherwise arrive within a second.
const rateLimitQuiet = 2 * time.Second

// syncPanel runs the sync: a button that starts (and cancels) it, the
// progress, and the time of the last sync.
type syncPanel struct {
	svc     *app.Service
	tasks   *tasks
	changed func(done bool) // orders were stored

	job      *app.SyncJob
	run      *syncRun
	status   string // key of the status line
	data     map[string]any
	imp      widget.Importance
	lastSync time.Time
	waiting  bool

	button   *widget.Button
	progress *widget.ProgressBarInfinite
	line     *widget.Label
	last     *widget.Label
	root     fyne.CanvasObject
}

// syncRun is what a running sync's goroutine hands to the UI goroutine.
// Progress arrives per page and may come fast, so it is coalesced: one
// queued update at a time shows the latest report.
type syncRun struct {
	mu      sync.Mutex
	latest  app.SyncProgress
	moved   time.Time
	queued  bool
	waiting bool
}

func newSyncPanel(t *tasks, svc *app.Service, changed func(done bool)) *syncPanel {
	p := &syncPanel{svc: svc, tasks: t, changed: changed}
	p.button = &widget.Button{Icon: theme.ViewRefreshIcon(), OnTapped: p.onTapped}
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Stop()
	p.progress.Hide()
	p.line = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.last = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	p.root = container.NewVBox(container.NewBorder(nil, nil, nil, p.button, p.last), p.progress, p.line)
	return p
}

func (p *syncPanel) object() fyne.CanvasObject { return p.root }

// start shows the last sync's time.
func (p *syncPanel) start() { p.loadLastSync() }

// close cancels a running sync.
func (p *syncPanel) close() {
	if p.job != nil {
		p.job.Cancel()
	}
}

func (p *syncPanel) relabel() {
	if p.job != nil {
		p.button.SetText(tr("sync.cancel"))
	} else {
		p.button.SetText(tr("sync.start"))
	}
	p.showLast()
	p.showStatus()
}

func (p *syncPanel) onTapped() {
	if p.job != nil {
		p.job.Cancel()
		return
	}
	p.Start()
}

// running reports whether a sync is running.
func (p *syncPanel) running() bool { return p.job != nil }

// Start begins a sync unless one is running.
func (p *syncPanel) Start() {
	if p.job != nil {
		return
	}
	run := &syncRun{moved: time.Now()}
	p.run = run
	p.waiting = false
	p.job = p.svc.StartSync(p.tasks.ctx, func(sp app.SyncProgress) {
		run.mu.Lock()
		run.latest, run.moved = sp, time.Now()
		queue := !run.queued
		run.queued = true
		run.mu.Unlock()
		if queue {
			p.tasks.post(func() { p.showProgress(run) })
		}
	})
	p.progress.Show()
	p.progress.Start()
	p.button.Icon = theme.CancelIcon()
	p.setStatus("sync.starting", nil, widget.MediumImportance)
	p.relabel()
	job := p.job
	p.tasks.run(func() func() {
		p.watch(job, run)
		return nil
	})
}

// watch waits for the sync to end, telling the UI when it has been quiet
// for longer than rateLimitQuiet.
func (p *syncPanel) watch(job *app.SyncJob, run *syncRun) {
	tick := time.NewTicker(rateLimitQuiet / 4)
	defer tick.Stop()
	for {
		select {
		case <-job.Done():
			res, err := job.Wait()
			p.tasks.post(func() { p.finished(job, res, err) })
			return
		case now := <-tick.C:
			run.mu.Lock()
			quiet := now.Sub(run.moved) > rateLimitQuiet
			changed := quiet != run.waiting
			run.waiting = quiet
			run.mu.Unlock()
			if changed {
				p.tasks.post(func() { p.setWaiting(run, quiet) })
			}
		}
	}
}

// showProgress draws the latest report of run.
func (p *syncPanel) showProgress(run *syncRun) {
	run.mu.Lock()
	sp := run.latest
	run.queued = false
	run.mu.Unlock()
	if run != p.run {
		return
	}
	p.setStatus("sync.progress", map[string]any{
		"Marketplace": marketplaceName(sp.Marketplace), "Index": sp.Index, "Count": sp.Count, "N": sp.Total,
	}, widget.MediumImportance)
	if p.changed != nil {
		p.changed(false)
	}
}

func (p *syncPanel) setWaiting(run *syncRun, on bool) {
	if run != p.run {
		return
	}
	p.waiting = on
	p.showStatus()
}

func (p *syncPanel) finished(job *app.SyncJob, res app.SyncResult, err error) {
	if job != p.job {
		return
	}
	p.job, p.run, p.waiting = nil, nil, false
	p.progress.Stop()
	p.progress.Hide()
	p.button.Icon = theme.ViewRefreshIcon()
	switch {
	case err != nil && !p.tasks.closed():
		p.setStatus("sync.failed", map[string]any{"Err": err, "N": res.Orders}, widget.DangerImportance)
	case err != nil:
		p.setStatus("sync.cancelled", map[string]any{"N": res.Orders}, widget.WarningImportance)
	case res.Skipped > 0:
		// Orders Amazon sent in a shape Sellermail cannot read are left out
		// so the rest arrive; the seller should know they are missing.
		// Amazon's reason is technical English; the command line shows it,
		// the window's sentence stays in the seller's language.
		p.setStatus("sync.done.skipped", map[string]any{"N": res.Orders, "Skipped": res.Skipped}, widget.WarningImportance)
	default:
		p.setStatus("sync.done", map[string]any{"N": res.Orders}, widget.SuccessImportance)
	}
	p.relabel()
	p.loadLastSync()
	if p.changed != nil {
		p.changed(true)
	}
}

func (p *syncPanel) setStatus(key string, data map[string]any, imp widget.Importance) {
	p.status, p.data, p.imp = key, data, imp
	p.showStatus()
}

func (p *syncPanel) showStatus() {
	text := ""
	if p.status != "" {
		text = tr(p.status, explained(p.data))
	}
	if p.waiting {
		text = tr("sync.ratelimit")
	}
	p.line.Importance = p.imp
	if p.waiting {
		p.line.Importance = widget.WarningImportance
	}
	p.line.SetText(text)
	if text == "" {
		p.line.Hide()
	} else {
		p.line.Show()
	}
}

// loadLastSync reads when the last sync of any marketplace finished.
func (p *syncPanel) loadLastSync() {
	svc, ctx := p.svc, p.tasks.ctx
	p.tasks.run(func() func() {
		states, err := svc.SyncStates(ctx)
		if err != nil {
			return nil
		}
		var last time.Time
		for _, st := range states {
			if st.LastSync.After(last) {
				last = st.LastSync
			}
		}
		return func() {
			p.lastSync = last
			p.showLast()
		}
	})
}

func (p *syncPanel) showLast() {
	if p.lastSync.IsZero() {
		p.last.SetText(tr("sync.never"))
		return
	}
	p.last.SetText(tr("sync.last", map[string]any{"Time": fmtDateTime(p.lastSync)}))
}

// explained returns data with its error "Err" explained in the window's
// language of now as "Detail", so a relabelled status speaks one language.
func explained(data map[string]any) map[string]any {
	err, ok := data["Err"].(error)
	if !ok {
		return data
	}
	out := maps.Clone(data)
	out["Detail"] = app.Explain(err, Lang())
	return out
}
