//! The front-matter block that may open an article: `---`, `key: value` lines, `---`.
//!
//! A deliberately small, strict subset of YAML: double- or single-quoted strings, bare
//! scalars, inline lists (`[a, "b"]`) and block lists (`- a`), `#` comments. Every problem
//! is reported with its line; unknown keys are warnings, everything else is an error.
//! The same checks of each key ([`assign`]) read the metadata of imported articles (JSON
//! Lines, exports, sidecar files of saved pages), so a key means one thing everywhere.

use super::article::Published;
use super::date::parse_published;
use super::diagnostic::Diagnostic;

/// The metadata an article file may declare. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub published: Option<Published>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub lang: Option<String>,
}

impl FrontMatter {
    /// These fields, with `under`'s where these have none (a sidecar over a page's own).
    pub fn overriding(self, under: FrontMatter) -> FrontMatter {
        FrontMatter {
            title: self.title.or(under.title),
            byline: self.byline.or(under.byline),
            source: self.source.or(under.source),
            published: self.published.or(under.published),
            url: self.url.or(under.url),
            tags: if self.tags.is_empty() { under.tags } else { self.tags },
            lang: self.lang.or(under.lang),
        }
    }
}

/// Where the body starts once the front matter (if any) is split off.
pub struct Split<'a> {
    pub front: FrontMatter,
    pub body: &'a str,
    /// 1-based line number of the body's first line in the file.
    pub body_line: usize,
}

/// A front-matter value as written, before its key checks it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A bare scalar that reads as a number, kept as written.
    Number(String),
    Bool(bool),
    List(Vec<String>),
    Empty,
}

impl Value {
    fn describe(&self) -> String {
        match self {
            Value::Text(_) => "text".into(),
            Value::Number(n) => format!("the number {n}"),
            Value::Bool(b) => format!("`{b}`"),
            Value::List(_) => "a list".into(),
            Value::Empty => "nothing".into(),
        }
    }
}

/// Splits `text` (already free of a byte-order mark and with `\n` line ends) into front
/// matter and body. Problems are pushed to `diags`; the body is still returned so that
/// later stages can report their own problems in the same run.
pub fn split<'a>(path: &str, text: &'a str, diags: &mut Vec<Diagnostic>) -> Split<'a> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Split { front: FrontMatter::default(), body: text, body_line: 1 };
    }
    let mut offset = first.len();
    let mut entries: Vec<(usize, &str)> = Vec::new();
    let mut closed = None;
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        let content = line.trim_end_matches('\n');
        offset += line.len();
        if content.trim_end() == "---" || content.trim_end() == "..." {
            closed = Some((offset, line_no + 1));
            break;
        }
        entries.push((line_no, content));
    }
    let Some((body_offset, body_line)) = closed else {
        diags.push(Diagnostic::error(
            path,
            1,
            "unterminated front matter: the `---` on line 1 is never closed by another `---` line",
        ));
        return Split { front: FrontMatter::default(), body: "", body_line: 1 };
    };
    let front = parse_entries(path, &entries, diags);
    Split { front, body: &text[body_offset..], body_line }
}

/// A whole file of `key: value` lines (a sidecar), with or without the `---` lines.
pub fn parse_lines(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> FrontMatter {
    let entries: Vec<(usize, &str)> =
        text.lines().enumerate().map(|(i, line)| (i + 1, line)).filter(|(_, line)| line.trim_end() != "---").collect();
    parse_entries(path, &entries, diags)
}

fn parse_entries(path: &str, entries: &[(usize, &str)], diags: &mut Vec<Diagnostic>) -> FrontMatter {
    let mut front = FrontMatter::default();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let (line_no, raw) = entries[i];
        i += 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_whitespace) || line.trim_start().starts_with("- ") {
            diags.push(Diagnostic::error(
                path,
                line_no,
                format!("unexpected indented line `{}` in front matter: expected `key: value`", raw.trim()),
            ));
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            diags.push(Diagnostic::error(
                path,
                line_no,
                format!("front matter line `{}` is not `key: value`", raw.trim()),
            ));
            continue;
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            diags.push(Diagnostic::error(path, line_no, format!("`{key}` is not a valid front-matter key")));
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
            diags.push(Diagnostic::error(path, line_no, format!("`{key}` is given twice (first on line {first})")));
            continue;
        }
        seen.push((key.to_string(), line_no));
        let mut value = match parse_value(rest.trim()) {
            Ok(v) => v,
            Err(problem) => {
                diags.push(Diagnostic::error(path, line_no, format!("`{key}`: {problem}")));
                continue;
            }
        };
        // A key with nothing after the colon may own a block list on the following lines.
        if value == Value::Empty {
            let mut items = Vec::new();
            while i < entries.len() {
                let (item_line, item_raw) = entries[i];
                let item = strip_comment(item_raw);
                let trimmed = item.trim_start();
                let is_item = trimmed.starts_with("- ") || trimmed == "-";
                if let (true, Some(rest)) = (is_item, trimmed.strip_prefix('-')) {
                    i += 1;
                    match parse_scalar(rest.trim()) {
                        Ok(Value::Text(s)) | Ok(Value::Number(s)) => items.push(s),
                        Ok(Value::Bool(b)) => items.push(b.to_string()),
                        Ok(other) => diags.push(Diagnostic::error(
                            path,
                            item_line,
                            format!("`{key}`: a list item must be text, found {}", other.describe()),
                        )),
                        Err(problem) => diags.push(Diagnostic::error(path, item_line, format!("`{key}`: {problem}"))),
                    }
                } else if item.trim().is_empty() {
                    i += 1;
                } else {
                    break;
                }
            }
            if !items.is_empty() {
                value = Value::List(items);
            }
        }
        assign(path, line_no, key, value, &mut front, diags);
    }
    front
}

/// Checks `value` for `key` (line `line` of `path`) and sets it in `front`, or reports why not.
pub fn assign(path: &str, line: usize, key: &str, value: Value, front: &mut FrontMatter, diags: &mut Vec<Diagnostic>) {
    let text = |value: Value, diags: &mut Vec<Diagnostic>| -> Option<String> {
        match value {
            Value::Text(s) if s.trim().is_empty() => None,
            Value::Text(s) => Some(s.trim().to_string()),
            Value::Empty => None,
            other => {
                let hint = if matches!(other, Value::Number(_) | Value::Bool(_)) { " (put it in quotes)" } else { "" };
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("`{key}` must be text, found {}{hint}", other.describe()),
                ));
                None
            }
        }
    };
    match key {
        "title" => front.title = text(value, diags),
        "byline" | "author" => front.byline = text(value, diags),
        "source" => front.source = text(value, diags),
        "url" => {
            if let Some(url) = text(value, diags) {
                let lower = url.to_ascii_lowercase();
                if lower.starts_with("http://") || lower.starts_with("https://") {
                    front.url = Some(url);
                } else {
                    diags.push(Diagnostic::error(path, line, format!("`url` must start with http:// or https://, found `{url}`")));
                }
            }
        }
        "lang" => {
            if let Some(lang) = text(value, diags) {
                if is_language_tag(&lang) {
                    front.lang = Some(lang);
                } else {
                    diags.push(Diagnostic::error(path, line, format!("`lang` must be a language tag such as `en` or `pt-BR`, found `{lang}`")));
                }
            }
        }
        "published" | "date" => match value {
            Value::Text(s) | Value::Number(s) => match parse_published(&s) {
                Ok(date) => front.published = Some(date),
                Err(problem) => diags.push(Diagnostic::error(path, line, format!("`{key}`: {problem}"))),
            },
            Value::Empty => {}
            other => diags.push(Diagnostic::error(
                path,
                line,
                format!("`{key}` must be a date like \"2025-04-26\", found {}", other.describe()),
            )),
        },
        "tags" => match value {
            Value::List(items) => {
                let mut tags: Vec<String> = Vec::new();
                for tag in items.into_iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) {
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
                front.tags = tags;
            }
            Value::Empty => {}
            other => diags.push(Diagnostic::error(
                path,
                line,
                format!("`tags` must be a list like [\"russia\", \"ukraine\"], found {}", other.describe()),
            )),
        },
        _ => diags.push(Diagnostic::warning(
            path,
            line,
            format!("unknown front-matter key `{key}` is ignored (known: title, byline, source, published, url, tags, lang)"),
        )),
    }
}

/// Removes a `#` comment that is not inside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"') | (None, '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev_space => return &line[..i],
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    line
}

fn parse_value(raw: &str) -> Result<Value, String> {
    if raw.is_empty() {
        return Ok(Value::Empty);
    }
    if let Some(inner) = raw.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or("a list opened with `[` is not closed with `]`")?;
        let mut items = Vec::new();
        for part in split_list(inner)? {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            match parse_scalar(part)? {
                Value::Text(s) | Value::Number(s) => items.push(s),
                Value::Bool(b) => items.push(b.to_string()),
                other => return Err(format!("a list item must be text, found {}", other.describe())),
            }
        }
        return Ok(Value::List(items));
    }
    parse_scalar(raw)
}

/// Splits the inside of an inline list at commas outside quotes.
fn split_list(inner: &str) -> Result<Vec<&str>, String> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (Some('"'), '\\') => escaped = true,
            (None, '"') | (None, '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            (None, '[') | (None, '{') => return Err("nested lists and maps are not supported".into()),
            _ => {}
        }
    }
    if quote.is_some() {
        return Err("a quoted list item is not closed".into());
    }
    parts.push(&inner[start..]);
    Ok(parts)
}

fn parse_scalar(raw: &str) -> Result<Value, String> {
    if raw.is_empty() {
        return Ok(Value::Empty);
    }
    if let Some(rest) = raw.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let tail: String = chars.collect();
                    if !tail.trim().is_empty() {
                        return Err(format!("unexpected `{}` after the closing quote", tail.trim()));
                    }
                    return Ok(Value::Text(out));
                }
                '\\' => match chars.next() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('/') => out.push('/'),
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("`\\u{hex}` is not a valid escape"))?;
                        out.push(c);
                    }
                    Some(other) => return Err(format!("`\\{other}` is not a valid escape in a quoted string")),
                    None => return Err("a quoted string ends with a lone `\\`".into()),
                },
                c => out.push(c),
            }
        }
        return Err("a string opened with `\"` is not closed".into());
    }
    if let Some(rest) = raw.strip_prefix('\'') {
        let mut out = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                let tail: String = chars.collect();
                if !tail.trim().is_empty() {
                    return Err(format!("unexpected `{}` after the closing quote", tail.trim()));
                }
                return Ok(Value::Text(out));
            }
            out.push(c);
        }
        return Err("a string opened with `'` is not closed".into());
    }
    if raw.starts_with('{') {
        return Err("maps are not supported; write text in quotes".into());
    }
    match raw {
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        "null" | "~" => return Ok(Value::Empty),
        _ => {}
    }
    if raw.parse::<f64>().is_ok() && raw.chars().any(|c| c.is_ascii_digit()) {
        return Ok(Value::Number(raw.to_string()));
    }
    Ok(Value::Text(raw.to_string()))
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(src: &str) -> (FrontMatter, Vec<String>) {
        let mut diags = Vec::new();
        let split = split("a.md", src, &mut diags);
        (split.front, diags.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn reads_every_key() {
        let (f, d) = front(
            "---\ntitle: \"Russia acknowledges \\\"troops\\\"\"\nbyline: 'Jane O''Doe'\nsource: CNN # wire\npublished: 2025-04-26\nurl: \"https://example.com/a\"\ntags: [\"russia\", ukraine, russia]\nlang: \"pt-BR\"\n---\nBody\n",
        );
        assert_eq!(d, Vec::<String>::new());
        assert_eq!(f.title.as_deref(), Some("Russia acknowledges \"troops\""));
        assert_eq!(f.byline.as_deref(), Some("Jane O'Doe"));
        assert_eq!(f.source.as_deref(), Some("CNN"));
        assert_eq!(f.published, Some(Published { year: 2025, month: 4, day: 26, time: None }));
        assert_eq!(f.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(f.tags, vec!["russia", "ukraine"]);
        assert_eq!(f.lang.as_deref(), Some("pt-BR"));
    }

    #[test]
    fn block_lists_and_date_times() {
        let (f, d) = front("---\ntags:\n  - one\n  - \"two words\"\npublished: \"2024-02-29T23:59:01+02:00\"\n---\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(f.tags, vec!["one", "two words"]);
        assert_eq!(f.published.unwrap().time, Some((23, 59, 1)));
    }

    #[test]
    fn body_starts_after_the_closing_line() {
        let mut diags = Vec::new();
        let s = split("a.md", "---\ntitle: T\n---\nfirst\nsecond", &mut diags);
        assert_eq!(s.body, "first\nsecond");
        assert_eq!(s.body_line, 4);
        let s = split("a.md", "no front matter\n", &mut diags);
        assert_eq!(s.body_line, 1);
        assert!(diags.is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let (_, d) = front(
            "---\ntitle: 42\ntags: \"russia\"\npublished: 2025-02-30\nnonsense line\nmood: happy\nurl: javascript:alert(1)\nlang: english!\nbyline: \"open\n---\n",
        );
        assert_eq!(
            d,
            vec![
                "a.md:2: `title` must be text, found the number 42 (put it in quotes)",
                "a.md:3: `tags` must be a list like [\"russia\", \"ukraine\"], found text",
                "a.md:4: `published`: `2025-02-30` is not a real day: 2025-02 has 28 days",
                "a.md:5: front matter line `nonsense line` is not `key: value`",
                "a.md:6: unknown front-matter key `mood` is ignored (known: title, byline, source, published, url, tags, lang)",
                "a.md:7: `url` must start with http:// or https://, found `javascript:alert(1)`",
                "a.md:8: `lang` must be a language tag such as `en` or `pt-BR`, found `english!`",
                "a.md:9: `byline`: a string opened with `\"` is not closed",
            ]
        );
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let (_, d) = front("---\ntitle: x\nbody without end\n");
        assert_eq!(
            d,
            vec!["a.md:1: unterminated front matter: the `---` on line 1 is never closed by another `---` line"]
        );
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let (_, d) = front("---\ntitle: a\ntitle: b\n---\n");
        assert_eq!(d, vec!["a.md:3: `title` is given twice (first on line 2)"]);
    }

    #[test]
    fn dates_as_sources_write_them_are_read() {
        let (f, d) = front("---\npublished: \"2021-11-01T10:52:50+0100\"\n---\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(f.published, Some(Published { year: 2021, month: 11, day: 1, time: Some((10, 52, 50)) }));
        let (f, d) = front("---\ndate: Tue, 10 Jun 2003 04:00:00 GMT\n---\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(f.published.map(|p| p.iso_date()).as_deref(), Some("2003-06-10"));
        let (f, _) = front("---\npublished: 2025\n---\n");
        assert_eq!(f.published.map(|p| p.iso_date()).as_deref(), Some("2025-01-01"));
    }
}
