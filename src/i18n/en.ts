/**
 * The English message catalog: every string the product shows, by id. `{name}` stands for an
 * argument; `{$from_number}` and other `{$…}` are literal placeholders of the IVR language.
 */
export const en = {
  // Diagnostics
  'diag.yaml-syntax': 'The YAML is not valid here: {detail}.',
  'diag.yaml-syntax.tab': 'Tabs cannot indent YAML. Indent with spaces.',
  'diag.yaml-syntax.multiple-documents':
    'An IVR is one YAML document. Remove the "---" separator and everything after it.',
  'diag.yaml-syntax.utf8': 'The file is not UTF-8 text. Save it as UTF-8 and open it again.',
  'diag.yaml-syntax.aliases':
    'The YAML repeats aliases (*name) so often that reading it would take too much memory.',
  'diag.yaml-syntax.binary': 'This is not a text file. An IVR is YAML text.',
  'diag.too-large': 'The file is {size}. An IVR may be at most 1 MiB.',
  'diag.too-deep':
    'The YAML is nested more than {max} levels deep here. An IVR never needs that many levels.',
  'diag.not-a-mapping.empty':
    'The document is empty. An IVR lists its sections by name: online, offline and queue.',
  'diag.not-a-mapping':
    'The document must list sections by name (online:, offline:, queue: …), but it is {what}.',
  'diag.invalid-section.name':
    'A section name must be text, but {name} reads as {what}. Rename it, for example to "menu_{name}".',
  'diag.invalid-section.list':
    'Section "{name}" must be a list of commands, each on its own line starting with "- ".',
  'diag.missing-section.online':
    'There is no "online" section: it runs when a call comes in and an agent is available. Add it.',
  'diag.missing-section.offline':
    'There is no "offline" section: it runs when a call comes in and no agent is logged in. Add it.',
  'diag.missing-section.queue':
    'There is no "queue" section: it plays while callers wait for a busy agent. Add it.',
  'diag.missing-section.online-with-start':
    'There is no "online" section. With "start" present the phone system can do without it, but add it if calls should reach agents when they are available.',
  'diag.missing-section.start':
    'A fetch reply needs a "start" section: the call continues there.',
  'diag.empty-section': 'Section "{name}" has no commands, so a call that reaches it ends at once.',
  'diag.unreachable-section':
    'No call can reach section "{name}": no entry section leads to it. Link it with goto, or delete it.',
  'diag.unknown-command.suggest': '"{name}" is not a command. Did you mean "{suggestion}"?',
  'diag.unknown-command':
    '"{name}" is not a command. Use play, choice, ring, voicemail, callback, goto, transfer, fetch or dtmf.',
  'diag.invalid-url':
    '"{url}" cannot be played: use an absolute http:// or https:// link to an audio file.',
  'diag.invalid-url.empty': 'The link is empty: use an absolute http:// or https:// link.',
  'diag.invalid-url.fetch':
    '"{url}" cannot be called: use an absolute http:// or https:// address.',
  'diag.unreachable-command':
    'This "{name}" never runs: "{after}" above it ends the list. Move it up or delete it.',
  'diag.duplicate-key.section':
    'Section "{name}" is written more than once; only the last one would count. Rename or merge them.',
  'diag.duplicate-key.choice':
    'Key {key} is used by more than one option; callers could only reach the last one.',
  'diag.duplicate-key': '"{key}" is written more than once here; only the last one would count.',
  'diag.invalid-choice-key':
    '"{key}" is not a key on a phone keypad. Use 0 to 9, "*" or "#" (quote * and #).',
  'diag.choice-option-silent':
    'Option {key} has no "play" prompt, so callers never hear that they can press {key}.',
  'diag.choice-option-action.neither':
    'Option {key} does nothing. Give it "do" (commands to run) or "goto" (a section).',
  'diag.choice-option-action.both': 'Option {key} has both "do" and "goto". Keep only one.',
  'diag.unquoted-placeholder':
    '{placeholder} without quotes is read as a YAML mapping. The phone system accepts it, but "{placeholder}" in quotes is clearer.',
  'diag.dangling-goto.suggest': 'There is no section "{target}". Did you mean "{suggestion}"?',
  'diag.dangling-goto': 'There is no section "{target}". Create it or choose an existing section.',
  'diag.dangling-goto.reply':
    'There is no section "{target}" in this reply; the calling script must have it.',
  'diag.callback-in-offline':
    'This callback can run while no agent is logged in ({chain}): nobody could take the callback, and the request would get stuck. Offer voicemail there instead.',
  'diag.callback-in-offline.transfer':
    'This callback runs when department "{department}" has no agent logged in; nobody could take it. Offer voicemail there instead.',
  'diag.goto-loop':
    'These sections send the call round in circles without playing anything or waiting for a key: {chain}. Add a play or a choice, or break the loop.',

  // Shape problems, reported as invalid-command
  'shape.not-a-command':
    'This item is not a command. Write a command such as "- ring" or "- play: https://…".',
  'shape.empty-item': 'This list item is empty. Write a command or delete the line.',
  'shape.several-commands':
    'One item holds several commands ({names}). Put each on its own line starting with "- ".',
  'shape.play-needs-url': '"play" needs the link of a recording: "- play: https://…".',
  'shape.goto-needs-section': '"goto" needs the name of a section, such as "- goto: sales".',
  'shape.bare-takes-nothing': '"{name}" takes no value. Write just "- {name}".',
  'shape.choice-needs-options':
    '"choice" needs at least one option, keyed by the digit the caller presses.',
  'shape.option-not-mapping':
    'Option {key} must be a mapping with name, play, and do or goto.',
  'shape.unknown-key.option': '"{key}" is not a setting of a choice option. Use name, play, do or goto.',
  'shape.unknown-key.transfer': '"{key}" is not a setting of "transfer". Use to or if.',
  'shape.unknown-key.if': '"{key}" is not a branch of "if". Use online, offline or queue.',
  'shape.unknown-key.fetch': '"{key}" is not a setting of "{name}". Use url, onError or params.',
  'shape.not-text': '"{key}" must be text.',
  'shape.needs-section': '"{key}" needs the name of a section.',
  'shape.do-needs-list': '"do" needs a list of commands, each on its own line starting with "- ".',
  'shape.do-empty': '"do" is empty. Add at least one command.',
  'shape.transfer-needs-mapping':
    '"transfer" needs "to" (the department) and may have "if" branches.',
  'shape.transfer-needs-to': '"transfer" needs "to": the id of the department to hand the call to.',
  'shape.if-needs-mapping': '"if" needs branches named online, offline or queue.',
  'shape.branch-needs-list': 'The "{state}" branch needs a list of commands.',
  'shape.fetch-needs-mapping': '"{name}" needs "url": the address that answers with the next script.',
  'shape.fetch-needs-url': '"{name}" needs "url": the address that answers with the next script.',
  'shape.params-need-mapping':
    '"params" needs names and values, one per line, such as "from: {$from_number}".',
  'shape.param-value':
    'The value of "{name}" must be text, a number or a placeholder such as {$from_number}.',
  'shape.unknown-placeholder':
    '{placeholder} is not a placeholder. Use {$from_number}, {$to_number} or {$conv_code}.',

  'op.error.unreadable': 'The YAML has a syntax error. Fix it first, then try again.',
  'op.error.conflict': 'This change overlaps another one. Try again.',
  'op.error.unexpected':
    'This change would not give the intended result, so the YAML was left as it is.',
  'op.error.not-found': 'That item is no longer in the YAML; it may have been edited meanwhile.',
  'op.error.section-exists': 'There is already a section "{name}".',
  'template.empty.title': 'Empty IVR',
  'template.empty.description': 'The three required sections, ready to fill in.',
  'template.basic.title': 'Basic',
  'template.basic.description': 'Welcome message, ring agents, voicemail when closed.',
  'template.callback-direct.title': 'Callback in the welcome menu',
  'template.callback-direct.description': 'Press 1 to talk to an agent, 2 to be called back.',
  'template.callback-from-queue.title': 'Callback while waiting',
  'template.callback-from-queue.description':
    'In the queue: 0 keeps waiting, 1 leaves a voicemail, 2 requests a callback.',
  'template.departments-transfer.title': 'Departments',
  'template.departments-transfer.description':
    'A menu that transfers to sales or support, with branches for when they are offline.',
  'template.dynamic-fetch.title': 'Dynamic script',
  'template.dynamic-fetch.description': 'Asks your server for the next script, passing the caller’s number.',
  'template.dtmf-input.title': 'Digit input',
  'template.dtmf-input.description': 'Collects digits from the caller and sends them to your server.',
  'template.fetch-reply.title': 'Fetch reply',
  'template.fetch-reply.description': 'What a dynamic-script URL may answer: a start section.',
  'editor.region.canvas': 'Canvas',
  'editor.region.yaml': 'YAML',
  'editor.region.problems': 'Problems',
  // Fixes
  'fix.add-section': 'Create section "{name}"',
  'fix.use-name': 'Change to "{name}"',
  'fix.quote': 'Quote as "{text}"',

  // Kinds of values, for messages
  'what.number': 'a number',
  'what.boolean': 'true or false',
  'what.null': 'empty',
  'what.list': 'a list',
  'what.text': 'text',
  'what.mapping': 'a mapping',

  // Start page
  'app.title': 'IVR Designer',
  'app.tagline': 'Design the phone menu every caller hears: on a canvas, or as YAML.',
  'app.coming': 'The editor is on its way. Until then, check IVRs from the command line:',
  'app.cli-hint': 'npx ivr-designer validate my-ivr.yaml',
  'app.language': 'Language',
  'app.skip-to-content': 'Skip to content',
  'app.status': 'Early preview',
  'app.theme': 'Theme',
  'app.theme.system': 'Match the system',
  'app.theme.light': 'Light',
  'app.theme.dark': 'Dark',
  'app.locale.en': 'English',
  'app.locale.ja': '日本語',
  'app.cli.label': 'Terminal',
  'app.copy': 'Copy',
  'app.copied': 'Copied',
  'app.copy-command': 'Copy the command',
  'app.copy-failed': 'Could not copy. Select the command and copy it yourself.',
  'app.preview.label': 'A phone menu as YAML and as a graph on the canvas',
  'app.preview.file': 'support-line.yaml',
  'app.preview.valid': 'No problems',
  'app.preview.entry': 'entry',
  'app.preview.sales': 'Sales',
  'app.preview.support': 'Support',
  'app.features': 'Coming in the editor',
  'app.feature.canvas.title': 'Canvas and YAML in step',
  'app.feature.canvas.body':
    'Rewire a menu on the canvas and the YAML changes with it, comments and all. Edit the YAML and the canvas follows.',
  'app.feature.validate.title': 'Problems in plain words',
  'app.feature.validate.body':
    'Missing sections, dead ends and loops show up as you type, each with a suggested fix.',
  'app.feature.simulate.title': 'Test calls before going live',
  'app.feature.simulate.body':
    'Walk through the menu as a caller would, pressing keys, before any customer hears it.',
  'app.footer.license': 'Open source under the MIT License',
  'app.footer.version': 'Version {version}',
} as const

export type MessageId = keyof typeof en
