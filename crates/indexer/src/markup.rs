//! THE escaping of corpus text into the markup the indexer writes (the static HTML pages,
//! the Atom feed and sitemap, the `<meta>` naming the first corpus file): one function,
//! safe in text and in a quoted attribute, for HTML and XML alike.

/// `text` as character data or a quoted attribute value: `& < > " '` escaped, and the
/// characters XML 1.0 cannot carry (controls other than tab and line ends, U+FFFE, U+FFFF)
/// dropped; HTML does not want them either.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_unusable_characters_do_not_survive() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>&</a>\u{1}\u{7}\tok\u{ffff}"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\tok"
        );
        assert_eq!(escape("émoji 🦀 \u{202e}"), "émoji 🦀 \u{202e}");
    }
}
