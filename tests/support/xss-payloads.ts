// Hostile text for the stored-XSS checks. The whole corpus goes through the Markdown renderer,
// the feed writer and the input schemas in Vitest (tests/security/xss-corpus.test.ts); a handful
// (BROWSER_XSS_PAYLOADS) is posted as comments, articles, profiles and tags and read in Chromium
// on every kind of page (e2e/comments-xss.spec.ts, e2e/security-xss-sitewide.spec.ts). Every
// payload that could run calls alert(<its number>); the specs fail on any dialog. None carries
// more than two links (an anonymous comment with more would be held, not shown).

export const XSS_PAYLOADS: string[] = [
  // Script tags, plain, mixed case, with src, split and nested.
  `<script>alert(1)</script>`,
  `<ScRiPt>alert(2)</sCrIpT>`,
  `<script src=//xss.example/3.js></script>`,
  `<script>alert(String.fromCharCode(52))</script>`,
  `<<script>alert(5);//<</script>`,
  `<scr<script>ipt>alert(6)</scr</script>ipt>`,
  `<script/x>alert(7)</script>`,
  `<svg><script>alert(8)</script></svg>`,
  // Event handlers on img, svg, body and friends.
  `<img src=x onerror=alert(9)>`,
  `<IMG SRC=x OnErRoR=alert(10)>`,
  `<img src="x" onerror="alert(11)"/>`,
  `<svg onload=alert(12)>`,
  `<svg/onload=alert(13)//`,
  `<body onload=alert(14)>`,
  `<details open ontoggle=alert(15)>x</details>`,
  `<input autofocus onfocus=alert(16)>`,
  `<video><source onerror="alert(17)"></video>`,
  `<a href="https://ok.example/" onmouseover="alert(18)">hover me</a>`,
  `<div style="background:url(javascript:alert(19))">styled</div>`,
  // Frames, objects, styles, forms, meta.
  `<iframe src="javascript:alert(20)"></iframe>`,
  `<iframe srcdoc="<script>alert(21)</script>"></iframe>`,
  `<object data="javascript:alert(22)"></object>`,
  `<embed src="javascript:alert(23)">`,
  `<style>@import "javascript:alert(24)";body{display:none}</style>`,
  `<form action="javascript:alert(25)"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(26)">`,
  `<base href="javascript:alert(27)//">`,
  `<svg><a xlink:href="javascript:alert(28)"><text x="0" y="20">svg link</text></a></svg>`,
  // Script URLs in Markdown links, images, autolinks and reference definitions.
  `[click 29](javascript:alert(29))`,
  `[click 30](JaVaScRiPt:alert(30))`,
  `[click 31](javascript&#58;alert(31))`,
  `[click 32](&#106;avascript:alert(32))`,
  `[click 33](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(33))`,
  `[click 34](data:text/html;base64,PHNjcmlwdD5hbGVydCgzNCk8L3NjcmlwdD4=)`,
  `[click 35](vbscript:msgbox(35))`,
  `[click 36](<javascript:alert(36)>)`,
  `[click 37](jav&#x09;ascript:alert(37))`,
  `[click 38](javascript://%0aalert(38))`,
  `<javascript:alert(39)>`,
  `<JAVASCRIPT:alert(40)>`,
  `<vbscript:msgbox(41)>`,
  `<data:text/html,alert(42)>`,
  `![pic 43](javascript:alert(43))`,
  `![pic" onerror="alert(44)](https://img.example/44.png)`,
  `[ref 45][r45]\n\n[r45]: javascript:alert(45)`,
  `<a href="javascript:alert(46)">raw link 46</a>`,
  `<a href="jav&#x09;ascript:alert(47)">raw link 47</a>`,
  // Markdown link titles and URLs with quotes: attribute breakouts.
  `[title 48](https://ok.example/48 "x\\" onmouseover=\\"alert(48)")`,
  `[title 49](https://ok.example/49 'x\\' onmouseover=\\'alert(49)')`,
  `[quote 50](https://ok.example/"onmouseover="alert(50))`,
  `<https://ok.example/"onmouseover="alert(51)>`,
  `www.ok.example/"onmouseover="alert(52)`,
  "```\" onmouseover=\"alert(53)\ncode 53\n```",
  // Attribute and element breakouts.
  `"><img src=x onerror=alert(54)>`,
  `'><svg onload=alert(55)>`,
  `</textarea><script>alert(56)</script>`,
  `</title><script>alert(57)</script>`,
  `<img """><script>alert(58)</script>">`,
  `--><script>alert(59)</script><!--`,
  // Mutation XSS shapes.
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(60)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(61)>">`,
  `<svg></p><style><a id="</style><img src=x onerror=alert(62)>">`,
  // RSS / CDATA breakouts.
  `]]><script>alert(63)</script><![CDATA[`,
  `<![CDATA[<script>alert(64)</script>]]>`,
  `]]></description><script>alert(65)</script><description>`,
  // Entity-encoded variants (Markdown decodes entities in text: they must come out as text).
  `&lt;script&gt;alert(66)&lt;/script&gt;`,
  `&#60;img src=x onerror=alert(67)&#62;`,
  `\\<script>alert(68)\\</script>`,
  // Inside code: shown, never run.
  "`<script>alert(69)</script>`",
  "```html\n<img src=x onerror=alert(70)>\n```",
  // Unicode tricks.
  `<scr\u0130pt>alert(71)</scr\u0130pt>`,
  `\uFF1Cscript\uFF1Ealert(72)\uFF1C/script\uFF1E`,
  `[zero width 73](java\u200Bscript:alert(73))`,
  `\u202E<img src=x onerror=alert(74)>`,
  `\u2028<script>alert(75)</script>\u2029`,
  `<img src=x\u000Conerror=alert(76)>`,
];

/**
 * The handful the browser keeps, one of each kind: a script tag, an event-handler attribute, a
 * script URL inside SVG markup, a Markdown link to a script URL, an attribute breakout, a feed
 * (CDATA/element) breakout, and a unicode trick (a bidi override before a handler).
 */
export const BROWSER_XSS_PAYLOADS: string[] = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(9)>`,
  `<svg><a xlink:href="javascript:alert(28)"><text x="0" y="20">svg link</text></a></svg>`,
  `[click 29](javascript:alert(29))`,
  `"><img src=x onerror=alert(54)>`,
  `]]></description><script>alert(65)</script><description>`,
  `\u202E<img src=x onerror=alert(74)>`,
];
for (const p of BROWSER_XSS_PAYLOADS) if (!XSS_PAYLOADS.includes(p)) throw new Error(`not in the corpus: ${p}`);

/** Website-field attempts: the script schemes must be refused; the rest either refused or harmless. */
export const WEBSITE_PAYLOADS: { url: string; mustRefuse: boolean }[] = [
  { url: `https://x.example/"onmouseover="alert(101)`, mustRefuse: false },
  { url: `https://x.example/'onmouseover='alert(102)`, mustRefuse: false },
  { url: `https://x.example/"><script>alert(103)</script>`, mustRefuse: false },
  { url: `https://x.example/?q=<img src=x onerror=alert(104)>`, mustRefuse: false },
  { url: `https://x.example/#" autofocus onfocus="alert(105)`, mustRefuse: false },
  { url: `http://x.example/</a><svg onload=alert(106)>`, mustRefuse: false },
  { url: `javascript:alert(107)`, mustRefuse: true },
  { url: `JaVaScRiPt:alert(108)`, mustRefuse: true },
  { url: `javascript://x.example/%0Aalert(109)`, mustRefuse: true },
  { url: `data:text/html,<script>alert(110)</script>`, mustRefuse: true },
  { url: `vbscript:msgbox(111)`, mustRefuse: true },
  { url: ` javascript:alert(112)`, mustRefuse: true },
];
