import { MESSAGE_CODES, MESSAGES, type MessageCode, type PluralCode } from '../../../shared/ipc/messages';

/**
 * The `hostMessages` namespace: the host's messages (shared/ipc/messages.ts) in the UI languages,
 * keyed by message code (plural codes as `code_one` / `code_other`, i18next's plural keys). English
 * is the host's own English; Chinese is typed against it, so a code added to the registry without a
 * translation fails to compile (and host-messages.test.ts says which).
 */
export type HostTextKey = Exclude<MessageCode, PluralCode> | `${PluralCode}_one` | `${PluralCode}_other`;

function englishTexts(): Record<HostTextKey, string> {
  const out: Record<string, string> = {};
  for (const code of MESSAGE_CODES) {
    const en: string | { one: string; other: string } = MESSAGES[code].en;
    if (typeof en === 'string') out[code] = en;
    else [out[`${code}_one`], out[`${code}_other`]] = [en.one, en.other];
  }
  return out as Record<HostTextKey, string>;
}

export const hostMessagesEn: Readonly<Record<HostTextKey, string>> = englishTexts();

export const hostMessagesZh: Readonly<Record<HostTextKey, string>> = {
  // ---- files ----
  'file-empty': '文件是空的',
  'file-is-folder': '这是文件夹，不是文件',
  'file-too-large': '文件有 {{megabytes}} MB，作为文本文件太大了',
  'file-binary': '这是二进制文件，不是文本',
  'file-not-utf8': '文件不是有效的 UTF-8 文本',
  'file-encoding-unknown': '无法判断这个文件的文本编码，请手动选择编码重新打开',
  'fs-no-such-file': '{{action}}：文件不存在',
  'fs-is-folder': '{{action}}：这是文件夹，不是文件',
  'fs-permission': '{{action}}：没有权限',
  'fs-failed': '{{action}}：{{reason}}',
  'fs-action-read': '无法读取',
  'fs-action-open': '无法打开',
  'fs-action-save': '无法保存',
  'fs-action-save-settings': '无法保存设置',
  'fs-action-list-folder': '无法列出文件夹',
  'fs-action-create-waveform-cache': '无法创建波形缓存',
  'fs-action-create-remux-cache': '无法创建转封装缓存',
  'fs-action-write-remux': '无法写入转封装后的文件',
  'fs-action-read-glossary': '无法读取术语表',
  'fs-action-save-glossary': '无法保存术语表',
  'fs-action-read-memory': '无法读取翻译记忆库',
  'fs-action-save-memory': '无法保存翻译记忆库',
  'fs-action-store-key': '无法保存密钥',

  // ---- documents ----
  'format-unknown': '不是 Zimu 认识的字幕或文稿格式',
  'format-read-failed': '无法按 {{format}} 格式读取文件：{{reason}}',
  'format-more-problems_one': '另有 {{count}} 个问题未列出',
  'format-more-problems_other': '另有 {{count}} 个问题未列出',
  'project-invalid-json': '不是有效的 JSON：{{reason}}',
  'project-invalid': '项目文件的 {{path}} 有误：{{reason}}',
  'startup-none': '没有可以打开的文档',

  // ---- export ----
  'export-unsupported': '无法导出为 {{format}}',
  'export-refused': '无法导出为 {{format}}：{{problem}}',
  'export-refused-more': '无法导出为 {{format}}：{{problem}}（另有 {{more}} 个问题）',
  'export-lossy': '{{encoding}} 无法写入这些字符：{{characters}}',
  'export-lossy-cli': '{{encoding}} 无法写入 {{characters}}；请选用 utf8 或 gb18030，或加上 --allow-lossy',
  'export-untimed-left-out_one': '{{count}} 条未定时的字幕未导出：{{segments}}',
  'export-untimed-left-out_other': '{{count}} 条未定时的字幕未导出：{{segments}}',
  'export-no-text-left-out_one': '{{count}} 条字幕在此布局下没有文字，未导出：{{segments}}',
  'export-no-text-left-out_other': '{{count}} 条字幕在此布局下没有文字，未导出：{{segments}}',
  'export-comma-splits_one': '{{count}} 条字幕含有“，”，读回时会分成几条：{{segments}}',
  'export-comma-splits_other': '{{count}} 条字幕含有“，”，读回时会分成几条：{{segments}}',
  'export-line-break-splits_one': '{{count}} 条字幕含有换行，读回时会分成几条：{{segments}}',
  'export-line-break-splits_other': '{{count}} 条字幕含有换行，读回时会分成几条：{{segments}}',

  // ---- times in any format ----
  'time-end-before-start': '结束早于开始，已把结束时间设为开始时间',
  'time-negative': '时间为负数，已设为 0',
  'time-out-of-range': '时间超出范围',

  // ---- SRT and WebVTT ----
  'cue-empty-vtt-header-gap': 'WEBVTT 文件头与第一条字幕之间缺少空行',
  'cue-text-of-skipped': '这是被跳过的字幕的文字，一并跳过',
  'cue-blank-inside': '第 {{line}} 行那条字幕的文字中间有空行，文字已并入该条字幕',
  'cue-text-without-timing': '没有时间行的文字已跳过：“{{text}}”',
  'cue-blank-after-number': '字幕序号 {{number}} 与其时间行之间有空行',
  'cue-no-blank-before': '这条字幕前面缺少空行',
  'cue-unreadable-timing': '无法读取的时间行“{{text}}”，该条字幕已跳过',
  'cue-full-width-timing': '时间行中的全角标点已按半角读取',
  'cue-malformed-arrow': '时间行中的箭头“{{arrow}}”有误，已按“-->”读取',
  'cue-missing-vtt-header': '缺少“WEBVTT”文件头，仍按 WebVTT 读取',
  'cue-vtt-header-in-srt': 'SRT 文件中的 WEBVTT 文件头已忽略',
  'cue-none': '文件中没有字幕',
  'cue-only-comments': '文件中没有字幕，只有注释',
  'cue-none-binary': '没有找到 {{format}} 字幕：这看起来是二进制数据，不是字幕文件',
  'cue-none-readable': '没有找到 {{format}} 字幕：没有一行是可读的“开始 --> 结束”时间',
  'cue-several-speakers': '一条字幕中有多位说话人（{{speakers}}），保留了“{{kept}}”',

  // ---- ASS/SSA ----
  'ass-format-line-incomplete': 'Events 的 Format 行缺少 Start、End 或最后的 Text 列，改用标准列',
  'ass-dialogue-fields': 'Dialogue 行只有 {{found}} 个字段，应有 {{expected}} 个，已跳过',
  'ass-dialogue-bad-start': 'Dialogue 行的开始时间“{{value}}”无效，已跳过',
  'ass-dialogue-bad-end': 'Dialogue 行的结束时间“{{value}}”无效，已跳过',
  'ass-drawing-skipped': '绘图（\\p）事件已跳过：它没有文字',
  'ass-no-dialogue': '不是 ASS/SSA 脚本：没有可读的 Dialogue 事件',
  'ass-no-events': '脚本中没有对白事件',
  'ass-escaped': 'ASS 没有转义写法：字幕 {{segments}} 中的花括号改成了｛｝，n、N、h 前的反斜杠改成了＼',

  // ---- LRC ----
  'lrc-bad-offset': '偏移量“{{value}}”无效，已忽略',
  'lrc-bad-length': '长度“{{value}}”无效，已忽略',
  'lrc-bad-tag': '时间标签 [{{tag}}] 无效，该行已跳过',
  'lrc-no-tag': '这一行没有时间标签，已忽略',
  'lrc-no-lines': '不是 LRC 文件：没有带时间标签的行',
  'lrc-same-start': '字幕 #{{first}} 和 #{{second}} 开始时间相同，LRC 播放器会把它们合并',
  'lrc-overlap': '字幕 #{{first}} 与 #{{second}} 重叠，在 LRC 中它在 #{{second}} 开始时结束',
  'lrc-left-out_one': '{{count}} 条字幕在此布局下没有文字或没有时长，未导出：{{segments}}',
  'lrc-left-out_other': '{{count}} 条字幕在此布局下没有文字或没有时长，未导出：{{segments}}',

  // ---- TSV and CSV ----
  'table-bad-quotes': '一个带引号的单元格格式有误（右引号后还有文字，或缺少右引号），已按原样读取',
  'table-no-text-column': '应有一行表头列出各列（id、start、end、text、translation），这个 {{kind}} 没有 text 列',
  'table-unused-columns': '未使用的列：{{columns}}',
  'table-extra-cells': '这一行有 {{cells}} 个单元格，表头只有 {{header}} 个，多出的已忽略',
  'table-extra-cells-csv':
    '这一行有 {{cells}} 个单元格，表头只有 {{header}} 个，多出的已忽略（文字中是否有不在引号内的逗号？）',
  'table-bad-start': '开始时间“{{value}}”不是时间（h:mm:ss.mmm、mm:ss.mmm 或秒数），这条字幕保持未定时',
  'table-bad-end': '结束时间“{{value}}”不是时间（h:mm:ss.mmm、mm:ss.mmm 或秒数），这条字幕保持未定时',
  'table-one-time': '只给出了开始或结束时间之一，这条字幕保持未定时',

  // ---- JSON formats (BCC, Whisper) ----
  'json-invalid': '不是有效的 JSON：{{reason}}',
  'json-invalid-at': '不是有效的 JSON：{{reason}}（第 {{line}} 行，第 {{column}} 列）',
  'json-expected-object': '应为对象',
  'json-expected-number': '应为数字',
  'json-missing-number': '缺少此项，应为数字',
  'json-expected-string': '应为字符串',
  'json-missing-string': '缺少此项，应为字符串',
  'json-expected-ms': '应为毫秒数',
  'json-expected-timestamp': '应为“00:00:01,000”这样的时间',
  'json-segment-skipped': '{{problem}}，该条已跳过',
  'json-cue-skipped': '{{problem}}，该条字幕已跳过',
  'bcc-not-object': '不是 BCC 字幕：应为带有“body”数组的 JSON 对象',
  'bcc-body-missing': '缺少此项，应为字幕数组',
  'bcc-body-not-array': '应为字幕数组',
  'bcc-no-cues': '没有可读的字幕',
  'bcc-zero-length': '第 {{cue}} 条字幕（{{time}}）时长为零，未写入',
  'bcc-overlap': '第 {{first}} 条字幕（{{firstSpan}}）与第 {{second}} 条（{{secondSpan}}）重叠，B 站一次只显示一条字幕',
  'whisper-missing-times': '缺少时间，应为 {"from": ms, "to": ms} 或 timestamps',
  'whisper-not-array': '应为字幕段数组',
  'whisper-not-transcript':
    '不是 Whisper 转写文件：应为带有“segments”（或 whisper.cpp 的“transcription”）数组的 JSON 对象',
  'whisper-no-segments': '没有可读的字幕段',

  // ---- plain text ----
  'text-control-characters': '文件中含有控制字符（它真的是文本吗？），已删除',

  // ---- media ----
  'ffmpeg-missing':
    '找不到 ffmpeg。请安装它（Debian/Ubuntu：sudo apt-get install ffmpeg；macOS：brew install ffmpeg；Windows：winget install ffmpeg），或把 ZIMU_FFMPEG 设为 ffmpeg 程序的路径。',
  'tool-cannot-run': '无法运行 {{tool}}',
  'ffmpeg-cannot-run': '无法运行 ffmpeg（{{tool}}）：{{reason}}',
  'media-unreadable': '不是 ffmpeg 能读取的媒体文件：{{reason}}',
  'media-no-duration': '{{tool}} 没有报告时长',
  'media-no-audio': '这个文件没有音轨',
  'media-no-such-track': '没有第 {{track}} 条音轨',
  'media-not-opened': '这个媒体文件没有打开',
  'media-no-streams': '这个文件中没有音频或视频流',
  'remux-needs-reencode': '{{codec}} 不重新编码就无法放进 MP4',
  'remux-failed': 'ffmpeg 无法转封装这个文件：{{reason}}',
  'audio-decode-failed': 'ffmpeg 无法解码音频：{{reason}}',
  'peaks-bad-rate': '每秒峰值数必须是正整数：{{rate}}',
  'remux-cancelled': '已取消转封装',
  'waveform-cancelled': '已取消读取波形',
  'autotime-cancelled': '已取消自动定时',
  'job-running': '任务 {{job}} 已在运行',
  'bilibili-several-videos': '这个文件夹里有 {{count}} 个视频（{{names}}），请打开其中一个',
  'bilibili-no-media': '这个文件夹里没有音频或视频',
  'bilibili-no-streams': '这个 B 站文件夹里没有 video.m4s、audio.m4s 或 .blv 文件',
  'bilibili-bad-json': 'B 站元数据已损坏（不是有效的 JSON：{{reason}}）',
  'bilibili-not-object': 'B 站元数据已损坏（不是 JSON 对象）',

  // ---- correction round trips ----
  'correction-empty': '校对后的文本是空的',
  'correction-no-segments': '项目中没有字幕',
  'correction-row-without-id': '这一行没有字幕 id',
  'correction-format-unknown': '无法从文件名判断要写成什么格式',
  'correction-unknown-id': '没有 id 为 {{id}} 的字幕，这段文字未使用',
  'correction-no-position': '没有第 {{position}} 条字幕，这段文字未使用',
  'correction-nothing-to-align-source': '没有带原文的字幕可与校对文本对齐；请每行一条字幕，或使用带 id 的 TSV',
  'correction-nothing-to-align-translation': '没有带译文的字幕可与校对文本对齐；请每行一条字幕，或使用带 id 的 TSV',
  'correction-pairs-line': '格式应为：定时文件<TAB>校对文本[<TAB>输出]',
  'correction-pairs-failed': '{{total}} 对中有 {{failed}} 对失败',

  // ---- glossary ----
  'glossary-invalid-json': '术语表不是有效的 JSON：{{reason}}',
  'glossary-damaged': '术语表已损坏：{{path}}：{{reason}}',
  'glossary-no-rows': '文件中没有术语行',
  'glossary-csv-unclosed-quote': '有一个带引号的字段没有闭合',
  'glossary-csv-unknown-kind': '未知类型“{{kind}}”（应为 term 或 asr-fix）',
  'glossary-csv-no-source': '这一行没有原文',
  'glossary-pairs-unclosed-quote': '有一个带引号的单元格没有闭合',
  'glossary-pairs-two-columns': '应有两列：source,target（原文和译文）',

  // ---- translation memory ----
  'tmx-invalid-xml': '不是有效的 XML：{{reason}}',
  'tmx-not-tmx': '不是 TMX 文件（没有 <tmx> 元素）',
  'tmx-units-skipped_one': '{{count}} 个翻译单元缺少 {{source}} 或 {{translation}} 文本',
  'tmx-units-skipped_other': '{{count}} 个翻译单元缺少 {{source}} 或 {{translation}} 文本',
  'tmx-units-skipped-other_one':
    '{{count}} 个翻译单元缺少 {{source}} 或 {{translation}} 文本（其中 {{otherLanguages}} 个只有其他语言）',
  'tmx-units-skipped-other_other':
    '{{count}} 个翻译单元缺少 {{source}} 或 {{translation}} 文本（其中 {{otherLanguages}} 个只有其他语言）',

  // ---- machine translation: the endpoint ----
  'llm-unknown-preset': '未知的预设“{{preset}}”（可用：{{known}}、custom）',
  'llm-no-base-url': '没有接口地址：请选择预设或填写接口的 URL',
  'llm-no-model': '没有模型：请填写要使用的模型名称',
  'url-not-url': '不是 URL：“{{url}}”（应形如 http://host:port/v1）',
  'url-bad-scheme': '只支持 http 和 https 接口，不支持 {{scheme}}:',
  'url-credentials': 'URL 中不能包含用户名或密码；请把 API 密钥作为密钥填写',
  'url-bad-ipv6': '“{{url}}”中的 IPv6 地址有误',
  'url-bad-host': '“{{url}}”中的主机有误',
  'url-no-host': '“{{url}}”中没有可用的主机',
  'url-bad-port': '“{{url}}”中的端口有误',
  'llm-local-only-remote': '已开启“仅限本机”：{{host}} 不是本机，不会向它发送任何内容',

  // ---- machine translation: requests ----
  'llm-wrong-origin': '拒绝发送到 {{url}}：接口是 {{endpoint}}',
  'llm-local-only-resolves': '已开启“仅限本机”，而 {{host}} 解析为 {{addresses}}',
  'llm-local-only-unresolved': '已开启“仅限本机”，而 {{host}} 无法解析',
  'llm-cancelled': '已取消',
  'llm-no-answer': '{{origin}} 没有及时响应',
  'llm-unreachable': '无法连接 {{origin}}：{{cause}}',
  'llm-connection-lost': '与 {{origin}} 的连接中断：{{cause}}',
  'llm-rate-limited': '{{origin}} 要求放慢请求（429）：{{detail}}',
  'llm-server-failed': '{{origin}} 出错（{{status}}）：{{detail}}',
  'llm-key-refused': '{{origin}} 拒绝了请求（{{status}}）：{{detail}}——请检查 API 密钥',
  'llm-no-such-model': '{{origin}} 上没有这个模型或路径（404）：{{detail}}——请检查模型和接口地址',
  'llm-too-long': '{{origin}} 以请求过长为由拒绝（{{status}}）：{{detail}}',
  'llm-server-said': '{{origin}}：{{detail}}',
  'llm-request-refused': '{{origin}} 拒绝了请求（{{status}}）：{{detail}}',
  'llm-no-details': '没有详细信息',
  'llm-malformed-stream': '{{origin}} 发来的数据流格式有误：{{reason}}',
  'llm-stalled': '{{origin}} 停止发送数据（{{seconds}} 秒没有数据）',
  'llm-unusable-reply': '回复无法使用：{{problem}}',
  'reply-not-json': '回复不是 JSON：“{{reply}}”',
  'reply-wrong-shape': '回复是 JSON，但不是 {"{{key}}": {id: 文本}} 的形式',
  'reply-missing-ids': '缺少这些的译文：{{ids}}',
  'reply-extra-ids': '包含未请求的 id：{{ids}}',
  'reply-empty-translation': '这些的译文为空：{{ids}}',
  'reply-empty-text': '这些的文本为空：{{ids}}',
  'reply-wrong-language': '不是 {{language}}：{{found}}',

  // ---- machine translation: jobs ----
  'translate-no-job': '没有翻译任务 {{job}}',
  'translate-job-running': '任务 {{job}} 正在运行',
  'translate-internal': '内部错误：{{reason}}',
  'translate-offline-too-long': '{{problem}}（已离线 {{seconds}} 秒）',
  'translate-segments-left_one': '有 {{count}} 条字幕未能完成；可以继续任务重试',
  'translate-segments-left_other': '有 {{count}} 条字幕未能完成；可以继续任务重试',
  'translate-failed': '翻译失败',
  'translate-segments-failed': '{{total}} 条字幕中有 {{failed}} 条未能翻译',
  'proofread-not-done_one': '有 {{count}} 条字幕未校对（{{first}}…）：{{problem}}',
  'proofread-not-done_other': '有 {{count}} 条字幕未校对（{{first}}…）：{{problem}}',

  // ---- the IPC itself ----
  'ipc-unknown-call': '没有这个调用：{{call}}',
  'ipc-invalid-argument': '{{call}} 的参数有误：{{reason}}',
  'ipc-internal': '{{call}} 发生内部错误：{{reason}}',
  'ipc-not-json': '请求内容不是 JSON',
  'ipc-starting': '主机正在启动',
  'ipc-no-answer': 'Zimu 主机没有响应：{{reason}}',
  'ipc-http-status': '主机返回了 HTTP {{status}}',
  'host-text': '{{text}}',
  'at-path': '{{path}}: {{problem}}',
  'in-file': '{{file}}: {{problem}}',
};
