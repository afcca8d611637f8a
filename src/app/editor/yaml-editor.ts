import { isMessageId, translate, type Locale } from '../../i18n/translate.ts'
import { pathAtOffset, spanOfPath } from '../../model/find.ts'
import { pathKey } from '../../model/path.ts'
import { applyOp } from '../../ops/apply-op.ts'
import { opTitle, type IvrOp } from '../../ops/op.ts'
import type { TextEdit } from '../../ops/text-edit.ts'
import type { Diagnostic } from '../../validate/diagnostic.ts'
import { parseIvr } from '../../yaml/parse-ivr.ts'
import type { AppState, AppStore } from '../state/app-store.ts'
import type { Selection } from '../state/document.ts'
import { setEditSink } from '../state/edit-sink.ts'
import {
  recordTransaction,
  recordTyping,
  redoIn,
  undoIn,
  withoutHistory,
} from '../state/history-recorder.ts'
import type { ResolvedTheme } from '../state/preferences.ts'
import { MARKER_OWNER, toMarkers, type MarkerData } from './markers.ts'
import { monaco, MODEL_URI } from './monaco-setup.ts'
import { defineMonacoThemes, MONACO_THEMES, monoFont } from './monaco-theme.ts'
import { quickFixesFor, type ReportedMarker } from './quick-fixes.ts'
import { isLargeText, suggestOptions } from './suggest-options.ts'
import { installTestHooks } from './test-hooks.ts'
import { diffTexts, rebaseEdits, toRangeEdits } from './text-edits.ts'

/** The source name of every edit the app makes in Monaco, and of its quick-fix command. */
const EDIT_SOURCE = 'ivr-designer'
const FIX_COMMAND = 'ivr-designer.applyFix'

/** How long the cursor rests before the other views follow it. */
const SELECTION_DELAY_MS = 120
/** How long a revealed range stays highlighted. */
const HIGHLIGHT_MS = 1600

/** What the YAML editor needs from the page. */
export interface YamlEditorOptions {
  /** The element Monaco fills. */
  host: HTMLElement
  store: AppStore
  theme: ResolvedTheme
  /** Called with the 1-based cursor position whenever it moves. */
  onCursor(position: { line: number; column: number }): void
}

/** A mounted YAML editor. */
export interface YamlEditor {
  setTheme(theme: ResolvedTheme): void
  /** Removes the editor, its model and everything it registered. */
  dispose(): void
}

let themesDefined = false

/**
 * Creates the Monaco editor on the one document of `store` and keeps the two in step: typing
 * becomes one `document.text` per animation frame; a newly opened document replaces the model;
 * edits from other views arrive through the edit sink as undoable Monaco edits; diagnostics
 * become markers with quick fixes; the cursor and the app's selection follow each other.
 */
export function mountYamlEditor(options: YamlEditorOptions): YamlEditor {
  const { host, store } = options
  if (!themesDefined) {
    defineMonacoThemes(monaco)
    themesDefined = true
  }
  const initial = store.getState()
  const model = monaco.editor.createModel(
    initial.document.view.text,
    'yaml',
    monaco.Uri.parse(MODEL_URI),
  )
  model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true, trimAutoWhitespace: true })
  const editor = monaco.editor.create(host, {
    model,
    theme: MONACO_THEMES[options.theme],
    ariaLabel: translate(initial.preferences.locale, 'editor.yaml.aria'),
    automaticLayout: true,
    fontFamily: monoFont(),
    fontSize: 13,
    lineHeight: 20,
    fontLigatures: false,
    lineNumbers: 'on',
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 12,
    glyphMargin: false,
    folding: true,
    // By indentation, on the main thread: the YAML worker would read the whole text again after
    // every change for the same ranges.
    foldingStrategy: 'indentation',
    showFoldingControls: 'mouseover',
    minimap: { enabled: false },
    padding: { top: 12, bottom: 12 },
    tabSize: 2,
    insertSpaces: true,
    detectIndentation: false,
    wordWrap: 'off',
    renderWhitespace: 'selection',
    renderLineHighlight: 'line',
    renderLineHighlightOnlyWhenFocus: true,
    roundedSelection: true,
    scrollBeyondLastLine: false,
    smoothScrolling: false,
    cursorBlinking: 'blink',
    cursorSmoothCaretAnimation: 'off',
    guides: { indentation: true, bracketPairs: false },
    bracketPairColorization: { enabled: false },
    stickyScroll: { enabled: false },
    overviewRulerBorder: false,
    overviewRulerLanes: 2,
    hideCursorInOverviewRuler: true,
    fixedOverflowWidgets: true,
    contextmenu: true,
    ...suggestOptions(isLargeText(initial.document.view.text.length)),
    suggest: { showWords: false },
    wordBasedSuggestions: 'off',
    scrollbar: {
      verticalScrollbarSize: 12,
      horizontalScrollbarSize: 12,
      useShadows: false,
      alwaysConsumeMouseWheel: false,
    },
  })
  void document.fonts?.ready.then(() => monaco.editor.remeasureFonts())

  const disposables: { dispose(): void }[] = [model, editor]
  const disposeLater = (d: { dispose(): void }) => disposables.push(d)

  // --- Text: Monaco → store, coalesced to one dispatch per frame -------------------------------
  let frame = 0
  let applyingFromStore = 0
  const flushText = () => {
    if (frame !== 0) cancelAnimationFrame(frame)
    frame = 0
    const text = model.getValue()
    // Typing, as the app's undo history records it (inside an op, the op's entry).
    if (text !== store.getState().document.view.text)
      recordTyping(() => store.dispatch({ type: 'document.text', text }))
  }
  const cancelFlush = () => {
    if (frame !== 0) cancelAnimationFrame(frame)
    frame = 0
  }
  disposeLater(
    model.onDidChangeContent(() => {
      if (applyingFromStore > 0) return
      if (frame === 0) frame = requestAnimationFrame(flushText)
    }),
  )
  // Completion while typing only while the text is small (see suggest-options.ts).
  let largeText = isLargeText(model.getValueLength())
  disposeLater(
    model.onDidChangeContent(() => {
      if (isLargeText(model.getValueLength()) === largeText) return
      largeText = !largeText
      editor.updateOptions(suggestOptions(largeText))
    }),
  )
  const fromStore = (change: () => void) => {
    applyingFromStore++
    try {
      change()
    } finally {
      applyingFromStore--
    }
  }

  // --- Edits from elsewhere: undoable, keeping cursor and scroll ---------------------------------
  const executeOurEdits = (edits: readonly TextEdit[]) => {
    const scroll = { scrollTop: editor.getScrollTop(), scrollLeft: editor.getScrollLeft() }
    editor.pushUndoStop()
    editor.executeEdits(
      EDIT_SOURCE,
      toRangeEdits(edits, (offset) => model.getPositionAt(offset)),
    )
    editor.pushUndoStop()
    editor.setScrollPosition(scroll, monaco.editor.ScrollType.Immediate)
  }
  // Undoing or redoing typing puts the cursor where the text changed, as Monaco's own undo does.
  const placeCursorAfter = (edits: readonly TextEdit[]) => {
    let end = 0
    let delta = 0
    for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
      end = edit.offset + delta + edit.text.length
      delta += edit.text.length - edit.length
    }
    const position = model.getPositionAt(end)
    editor.setPosition(position)
    editor.revealPositionInCenterIfOutsideViewport(position, monaco.editor.ScrollType.Smooth)
  }
  const showError = (error: string, args?: Readonly<Record<string, string>>) =>
    store.dispatch({
      type: 'toast.show',
      tone: 'error',
      messageId: isMessageId(error) ? error : 'op.error.unexpected',
      args: args ?? {},
    })
  disposeLater({
    dispose: setEditSink({
      apply(edits, options = {}) {
        const base = options.base ?? store.getState().document.view.text
        const over = diffTexts(base, model.getValue())
        const rebased = over ? rebaseEdits(edits, over) : [...edits]
        if (!rebased) {
          showError('op.error.conflict')
          return
        }
        cancelFlush()
        executeOurEdits(rebased)
        if (options.cursor === 'end') placeCursorAfter(rebased)
        flushText()
      },
      flush: flushText,
    }),
  })

  // --- Markers and quick fixes ---------------------------------------------------------------
  let shown: { marker: MarkerData; diagnostic: Diagnostic }[] = []
  let shownDiagnostics: readonly Diagnostic[] | null = null
  let shownLocale: Locale | null = null
  const showMarkers = (state: AppState) => {
    const { view } = state.document
    const locale = state.preferences.locale
    if (view.diagnostics === shownDiagnostics && locale === shownLocale) return
    if (view.text !== model.getValue()) return
    const markers = toMarkers(view.diagnostics, view.text, locale, view.parsed.lines)
    shown = view.diagnostics.map((diagnostic, i) => ({
      marker: markers[i] as MarkerData,
      diagnostic,
    }))
    shownDiagnostics = view.diagnostics
    shownLocale = locale
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers)
  }
  const applyFix = (op: IvrOp) =>
    recordTransaction(opTitle(op), () => {
      flushText()
      const text = model.getValue()
      const { view } = store.getState().document
      const parsed = view.parsed.text === text ? view.parsed : parseIvr(text)
      const result = applyOp(parsed, op)
      if (!result.ok) {
        showError(result.error, result.args)
        return
      }
      executeOurEdits(result.edits)
      flushText()
    })
  disposeLater(monaco.editor.registerCommand(FIX_COMMAND, (_accessor, op: IvrOp) => applyFix(op)))
  disposeLater(
    monaco.languages.registerCodeActionProvider(
      'yaml',
      {
        provideCodeActions(target, _range, context) {
          if (target !== model) return undefined
          // Monaco hands over its stored markers, which carry their owner.
          const reported: readonly ReportedMarker[] = context.markers
          const fixes = quickFixesFor(reported, shown, store.getState().preferences.locale)
          return {
            actions: fixes.map((quickFix) => ({
              title: quickFix.title,
              kind: 'quickfix',
              isPreferred: quickFix.isPreferred,
              diagnostics: [quickFix.marker as monaco.editor.IMarkerData],
              command: { id: FIX_COMMAND, title: quickFix.title, arguments: [quickFix.fix.op] },
            })),
            dispose() {},
          }
        },
      },
      { providedCodeActionKinds: ['quickfix'] },
    ),
  )

  // --- Selection: cursor → app, app → reveal -----------------------------------------------------
  let selectionTimer: ReturnType<typeof setTimeout> | undefined
  const syncSelection = () => {
    flushText()
    const state = store.getState()
    const { view } = state.document
    const position = editor.getPosition()
    if (view.stale || !position || view.text !== model.getValue()) return
    const path = pathAtOffset(view.parsed.model, model.getOffsetAt(position))
    if (!path) return
    if (state.selection && pathKey(state.selection.path) === pathKey(path)) return
    store.dispatch({ type: 'selection.set', path, origin: 'editor' })
  }
  disposeLater(
    editor.onDidChangeCursorPosition((event) => {
      options.onCursor({ line: event.position.lineNumber, column: event.position.column })
      if (event.source === 'api' || event.source === EDIT_SOURCE) return
      if (event.reason === monaco.editor.CursorChangeReason.ContentFlush) return
      if (!editor.hasTextFocus()) return
      clearTimeout(selectionTimer)
      selectionTimer = setTimeout(syncSelection, SELECTION_DELAY_MS)
    }),
  )

  // --- Undo and redo: the app's one history, not Monaco's -------------------------------------
  // Every way Monaco undoes (its keybindings, its Edit commands, the context menu) ends in the
  // model's `undo`/`redo`; they take the app's history instead, so there is exactly one.
  const undoable = model as unknown as { undo(): void; redo(): void }
  undoable.undo = () => void undoIn(store)
  undoable.redo = () => void redoIn(store)
  // The browser's Edit menu undoes in the focused text area, Monaco's hidden input: ours instead.
  const onBeforeInput = (event: InputEvent) => {
    const undoing = event.inputType === 'historyUndo'
    if (!undoing && event.inputType !== 'historyRedo') return
    if (!(event.target instanceof Element) || !event.target.classList.contains('inputarea')) return
    event.preventDefault()
    if (undoing) undoIn(store)
    else redoIn(store)
  }
  host.addEventListener('beforeinput', onBeforeInput, true)
  disposeLater({ dispose: () => host.removeEventListener('beforeinput', onBeforeInput, true) })
  // Moving the cursor ends a run of typing: what is typed next is an entry of its own.
  disposeLater(
    editor.onDidChangeCursorPosition((event) => {
      if (event.reason !== monaco.editor.CursorChangeReason.Explicit || event.source === 'api')
        return
      flushText()
      store.dispatch({ type: 'history.seal' })
    }),
  )

  const highlight = editor.createDecorationsCollection()
  let highlightTimer: ReturnType<typeof setTimeout> | undefined
  const reveal = (selection: Selection) => {
    const { view } = store.getState().document
    if (view.text !== model.getValue()) return
    const span = selection.span ?? spanOfPath(view.parsed.model, selection.path)
    if (!span) return
    const start = model.getPositionAt(span.start)
    let end = model.getPositionAt(span.end)
    // A block's span ends after its last line break; the highlight should not take the next line.
    if (end.column === 1 && end.lineNumber > start.lineNumber) {
      end = new monaco.Position(end.lineNumber - 1, model.getLineMaxColumn(end.lineNumber - 1))
    }
    const range = monaco.Range.fromPositions(start, end)
    editor.setSelection(monaco.Selection.fromPositions(start))
    // A range on one line is revealed from its start: scrolling sideways to show the end of a
    // long URL would hide the indentation of every line.
    if (start.lineNumber === end.lineNumber) {
      editor.revealPositionInCenterIfOutsideViewport(start, monaco.editor.ScrollType.Smooth)
    } else {
      editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth)
    }
    highlight.set([
      {
        range,
        options: {
          className: 'ivr-reveal',
          isWholeLine: start.lineNumber !== end.lineNumber,
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      },
    ])
    clearTimeout(highlightTimer)
    highlightTimer = setTimeout(() => highlight.clear(), HIGHLIGHT_MS)
    // A problem is opened to be fixed here; the canvas and its search keep the keyboard.
    if (selection.origin === 'problems') editor.focus()
  }

  // --- Store → editor ------------------------------------------------------------------------
  let session = initial.document.session
  let lastText = initial.document.view.text
  let lastSelection = initial.selection
  let lastLocale = initial.preferences.locale
  const onStore = () => {
    const state = store.getState()
    const { document: doc } = state
    if (doc.session !== session) {
      // Another IVR: its own text and a fresh undo history.
      session = doc.session
      cancelFlush()
      fromStore(() => model.setValue(doc.view.text))
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 }, monaco.editor.ScrollType.Immediate)
      editor.setPosition({ lineNumber: 1, column: 1 })
      // Monaco may normalise line breaks; the store then takes the model's text.
      if (model.getValue() !== doc.view.text) {
        frame = requestAnimationFrame(() => withoutHistory(flushText))
      }
    } else if (doc.view.text !== lastText && doc.view.text !== model.getValue()) {
      // Text set by other code without the edit sink: apply the difference as one edit.
      cancelFlush()
      const edit = diffTexts(model.getValue(), doc.view.text)
      if (edit) fromStore(() => executeOurEdits([edit]))
    }
    lastText = doc.view.text
    showMarkers(state)
    if (state.preferences.locale !== lastLocale) {
      lastLocale = state.preferences.locale
      editor.updateOptions({ ariaLabel: translate(lastLocale, 'editor.yaml.aria') })
    }
    if (state.selection !== lastSelection) {
      lastSelection = state.selection
      const origin = state.selection?.origin
      if (state.selection && origin !== 'editor' && origin !== 'inspector') reveal(state.selection)
    }
  }
  disposeLater({ dispose: store.subscribe(onStore) })
  showMarkers(initial)

  disposeLater({
    dispose: installTestHooks({
      yaml: {
        text: () => model.getValue(),
        markers: () =>
          monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
            owner: m.owner,
            severity: m.severity,
            message: m.message,
            code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
            line: m.startLineNumber,
            column: m.startColumn,
            endLine: m.endLineNumber,
            endColumn: m.endColumn,
          })),
        scroll: () => ({ top: editor.getScrollTop(), left: editor.getScrollLeft() }),
        cursor: () => {
          const position = editor.getPosition()
          return { line: position?.lineNumber ?? 1, column: position?.column ?? 1 }
        },
        command: (id) => editor.trigger('test', id, null),
        pointAt: (line, column) => {
          const position = { lineNumber: line, column }
          editor.revealPositionInCenterIfOutsideViewport(
            position,
            monaco.editor.ScrollType.Immediate,
          )
          const point = editor.getScrolledVisiblePosition(position)
          const node = editor.getDomNode()
          if (!point || !node) return null
          const rect = node.getBoundingClientRect()
          return { x: rect.left + point.left + 1, y: rect.top + point.top + point.height / 2 }
        },
      },
    }),
  })

  return {
    setTheme(theme) {
      monaco.editor.setTheme(MONACO_THEMES[theme])
    },
    dispose() {
      flushText()
      clearTimeout(selectionTimer)
      clearTimeout(highlightTimer)
      for (const d of disposables.reverse()) d.dispose()
    },
  }
}
