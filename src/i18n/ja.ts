import type { MessageId } from './en.ts'

/** The Japanese message catalog. Every id of the English catalog, no more and no fewer. */
export const ja: Readonly<Record<MessageId, string>> = {
  'diag.yaml-syntax': 'この位置の YAML が正しくありません: {detail}。',
  'diag.yaml-syntax.tab': 'YAML の字下げにタブは使えません。スペースで字下げしてください。',
  'diag.yaml-syntax.multiple-documents':
    'IVR は 1 つの YAML 文書です。区切りの「---」とそれ以降を削除してください。',
  'diag.yaml-syntax.utf8':
    'このファイルは UTF-8 のテキストではありません。UTF-8 で保存してから開き直してください。',
  'diag.yaml-syntax.aliases':
    'エイリアス (*名前) の繰り返しが多すぎるため、読み込むとメモリーを使いすぎます。',
  'diag.yaml-syntax.binary': 'テキストファイルではありません。IVR は YAML のテキストです。',
  'diag.too-large': 'ファイルの大きさは {size} です。IVR は 1 MiB までです。',
  'diag.too-deep': 'ここで YAML の入れ子が {max} 段を超えています。IVR にそれほどの入れ子は不要です。',
  'diag.not-a-mapping.empty':
    '文書が空です。IVR にはセクション online、offline、queue を名前付きで書きます。',
  'diag.not-a-mapping':
    '文書はセクションを名前付きで並べる必要があります (online:、offline:、queue: …) が、{what}になっています。',
  'diag.invalid-section.name':
    'セクション名はテキストである必要がありますが、{name} は{what}として読まれます。「menu_{name}」などに変更してください。',
  'diag.invalid-section.list':
    'セクション「{name}」はコマンドのリストである必要があります。各行を「- 」で始めてください。',
  'diag.missing-section.online':
    '「online」セクションがありません。着信時にオペレーターが対応可能なときに実行されます。追加してください。',
  'diag.missing-section.offline':
    '「offline」セクションがありません。着信時にログイン中のオペレーターがいないときに実行されます。追加してください。',
  'diag.missing-section.queue':
    '「queue」セクションがありません。オペレーターが全員通話中のとき、待っている発信者に流れます。追加してください。',
  'diag.missing-section.online-with-start':
    '「online」セクションがありません。「start」があるので省略できますが、オペレーター対応可能時の動作が必要なら追加してください。',
  'diag.missing-section.start':
    'fetch の応答には「start」セクションが必要です。通話はそこから続きます。',
  'diag.empty-section':
    'セクション「{name}」にコマンドがありません。ここに来た通話はすぐに終了します。',
  'diag.unreachable-section':
    'セクション「{name}」にはどの通話も到達できません。goto でつなぐか、削除してください。',
  'diag.unknown-command.suggest': '「{name}」というコマンドはありません。「{suggestion}」のことですか?',
  'diag.unknown-command':
    '「{name}」というコマンドはありません。play、choice、ring、voicemail、callback、goto、transfer、fetch、dtmf のいずれかを使ってください。',
  'diag.invalid-url':
    '「{url}」は再生できません。音声ファイルへの http:// または https:// で始まる完全なリンクを指定してください。',
  'diag.invalid-url.empty':
    'リンクが空です。http:// または https:// で始まる完全なリンクを指定してください。',
  'diag.invalid-url.fetch':
    '「{url}」は呼び出せません。http:// または https:// で始まる完全なアドレスを指定してください。',
  'diag.unreachable-command':
    'この「{name}」は実行されません。上の「{after}」でリストが終わるためです。上に移動するか削除してください。',
  'diag.duplicate-key.section':
    'セクション「{name}」が複数回書かれています。最後のものだけが有効になります。名前を変えるかまとめてください。',
  'diag.duplicate-key.choice':
    'キー {key} が複数の選択肢で使われています。発信者は最後の選択肢にしか進めません。',
  'diag.duplicate-key': '「{key}」がここで複数回書かれています。最後のものだけが有効になります。',
  'diag.invalid-choice-key':
    '「{key}」は電話のキーではありません。0〜9、「*」、「#」を使ってください (* と # は引用符で囲みます)。',
  'diag.choice-option-silent':
    '選択肢 {key} に「play」の案内がないため、発信者は {key} を押せることを知りません。',
  'diag.choice-option-action.neither':
    '選択肢 {key} は何もしません。「do」(実行するコマンド) か「goto」(セクション) を指定してください。',
  'diag.choice-option-action.both':
    '選択肢 {key} に「do」と「goto」の両方があります。どちらか一方だけにしてください。',
  'diag.unquoted-placeholder':
    '引用符のない {placeholder} は YAML のマッピングとして読まれます。電話システムは受け付けますが、引用符で囲んだ "{placeholder}" のほうが明確です。',
  'diag.dangling-goto.suggest': 'セクション「{target}」はありません。「{suggestion}」のことですか?',
  'diag.dangling-goto':
    'セクション「{target}」はありません。作成するか、既存のセクションを選んでください。',
  'diag.dangling-goto.reply':
    'この応答にセクション「{target}」はありません。呼び出し元のスクリプトに必要です。',
  'diag.callback-in-offline':
    'このコールバックは、ログイン中のオペレーターがいないときに実行される可能性があります ({chain})。誰もコールバックに対応できず、依頼が滞ります。代わりにボイスメールを案内してください。',
  'diag.callback-in-offline.transfer':
    'このコールバックは部署「{department}」にログイン中のオペレーターがいないときに実行されます。誰も対応できません。代わりにボイスメールを案内してください。',
  'diag.goto-loop':
    'これらのセクションは、何も再生せずキー入力も待たずに通話を循環させます: {chain}。play か choice を追加するか、ループを断ち切ってください。',

  'shape.not-a-command':
    'この項目はコマンドではありません。「- ring」や「- play: https://…」のようにコマンドを書いてください。',
  'shape.empty-item': 'このリスト項目は空です。コマンドを書くか、行を削除してください。',
  'shape.several-commands':
    '1 つの項目に複数のコマンドがあります ({names})。それぞれ「- 」で始まる別の行に書いてください。',
  'shape.play-needs-url': '「play」には録音のリンクが必要です:「- play: https://…」。',
  'shape.goto-needs-section': '「goto」にはセクション名が必要です。例:「- goto: sales」。',
  'shape.bare-takes-nothing': '「{name}」に値は不要です。「- {name}」とだけ書いてください。',
  'shape.choice-needs-options':
    '「choice」には、発信者が押すキーごとの選択肢が 1 つ以上必要です。',
  'shape.option-not-mapping':
    '選択肢 {key} には name、play、そして do か goto を書いてください。',
  'shape.unknown-key.option':
    '「{key}」は選択肢の設定ではありません。name、play、do、goto を使ってください。',
  'shape.unknown-key.transfer':
    '「{key}」は「transfer」の設定ではありません。to か if を使ってください。',
  'shape.unknown-key.if': '「{key}」は「if」の分岐ではありません。online、offline、queue を使ってください。',
  'shape.unknown-key.fetch':
    '「{key}」は「{name}」の設定ではありません。url、onError、params を使ってください。',
  'shape.not-text': '「{key}」はテキストである必要があります。',
  'shape.needs-section': '「{key}」にはセクション名が必要です。',
  'shape.do-needs-list': '「do」にはコマンドのリストが必要です。各行を「- 」で始めてください。',
  'shape.do-empty': '「do」が空です。コマンドを 1 つ以上追加してください。',
  'shape.transfer-needs-mapping':
    '「transfer」には「to」(転送先の部署) が必要で、「if」の分岐を書けます。',
  'shape.transfer-needs-to': '「transfer」には「to」(転送先の部署 ID) が必要です。',
  'shape.if-needs-mapping': '「if」には online、offline、queue という名前の分岐を書きます。',
  'shape.branch-needs-list': '分岐「{state}」にはコマンドのリストが必要です。',
  'shape.fetch-needs-mapping':
    '「{name}」には「url」(次のスクリプトを返すアドレス) が必要です。',
  'shape.fetch-needs-url': '「{name}」には「url」(次のスクリプトを返すアドレス) が必要です。',
  'shape.params-need-mapping':
    '「params」には名前と値を 1 行ずつ書きます。例:「from: {$from_number}」。',
  'shape.param-value':
    '「{name}」の値はテキスト、数値、または {$from_number} のようなプレースホルダーである必要があります。',
  'shape.unknown-placeholder':
    '{placeholder} というプレースホルダーはありません。{$from_number}、{$to_number}、{$conv_code} を使ってください。',

  'op.error.unreadable': 'YAML に構文エラーがあります。先に修正してから、もう一度お試しください。',
  'op.error.conflict': 'この変更は別の変更と重なっています。もう一度お試しください。',
  'op.error.unexpected': 'この変更では意図した結果にならないため、YAML は変更していません。',
  'op.error.not-found': 'その項目は YAML にもうありません。その間に編集された可能性があります。',
  'op.error.section-exists': 'セクション「{name}」はすでにあります。',
  'template.empty.title': '空の IVR',
  'template.empty.description': '必須の 3 つのセクションだけの、すぐに書き始められる IVR。',
  'template.basic.title': '基本',
  'template.basic.description': 'ウェルカムメッセージ、オペレーター呼び出し、時間外はボイスメール。',
  'template.callback-direct.title': 'ウェルカムメニューでコールバック',
  'template.callback-direct.description': '1 でオペレーターと通話、2 でコールバックを依頼。',
  'template.callback-from-queue.title': '待ち時間中のコールバック',
  'template.callback-from-queue.description':
    '待機中に 0 で待ち続け、1 でボイスメール、2 でコールバックを依頼。',
  'template.departments-transfer.title': '部署への転送',
  'template.departments-transfer.description':
    '営業またはサポートに転送するメニュー。オフライン時の分岐付き。',
  'template.dynamic-fetch.title': '動的スクリプト',
  'template.dynamic-fetch.description': '発信者の番号を渡して、次のスクリプトをサーバーに問い合わせます。',
  'template.dtmf-input.title': '番号入力',
  'template.dtmf-input.description': '発信者が入力した番号を集めてサーバーに送ります。',
  'template.fetch-reply.title': 'fetch の応答',
  'template.fetch-reply.description': '動的スクリプトの URL が返せる内容: start セクション。',
  'editor.region.canvas': 'キャンバス',
  'editor.region.yaml': 'YAML',
  'editor.region.problems': '問題',
  'fix.add-section': 'セクション「{name}」を作成',
  'fix.use-name': '「{name}」に変更',
  'fix.quote': '"{text}" と引用符で囲む',

  'what.number': '数値',
  'what.boolean': '真偽値',
  'what.null': '空',
  'what.list': 'リスト',
  'what.text': 'テキスト',
  'what.mapping': 'マッピング',

  'app.title': 'IVR Designer',
  'app.tagline': 'すべての発信者が聞く電話メニューを、キャンバスでも YAML でも設計できます。',
  'app.coming': 'エディターは準備中です。それまではコマンドラインで IVR を検査できます:',
  'app.cli-hint': 'npx ivr-designer validate my-ivr.yaml',
  'app.language': '言語',
  'app.skip-to-content': '本文へスキップ',
  'app.status': '先行プレビュー',
  'app.theme': 'テーマ',
  'app.theme.system': 'システムに合わせる',
  'app.theme.light': 'ライト',
  'app.theme.dark': 'ダーク',
  'app.locale.en': 'English',
  'app.locale.ja': '日本語',
  'app.cli.label': 'ターミナル',
  'app.copy': 'コピー',
  'app.copied': 'コピーしました',
  'app.copy-command': 'コマンドをコピー',
  'app.copy-failed': 'コピーできませんでした。コマンドを選択してコピーしてください。',
  'app.preview.label': 'YAML とキャンバス上のグラフで表した電話メニュー',
  'app.preview.file': 'support-line.yaml',
  'app.preview.valid': '問題なし',
  'app.preview.entry': 'エントリー',
  'app.preview.sales': '営業',
  'app.preview.support': 'サポート',
  'app.features': 'エディターに搭載予定の機能',
  'app.feature.canvas.title': 'キャンバスと YAML が常に連動',
  'app.feature.canvas.body':
    'キャンバスでメニューをつなぎ替えると、コメントも含めて YAML がそのまま書き換わります。YAML を編集すればキャンバスが追従します。',
  'app.feature.validate.title': '問題をわかりやすい言葉で',
  'app.feature.validate.body':
    '足りないセクション、行き止まり、ループを入力中に見つけ、それぞれに修正案を示します。',
  'app.feature.simulate.title': '公開前にテスト通話',
  'app.feature.simulate.body':
    'お客様が聞く前に、発信者と同じようにキーを押してメニューをたどれます。',
  'app.footer.license': 'MIT ライセンスのオープンソース',
  'app.footer.version': 'バージョン {version}',
}
