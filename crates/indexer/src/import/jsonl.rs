//! JSON Lines (`.jsonl`): one article an object a line, with the keys of front matter
//! (checked as front matter checks them, by [`front_matter::assign`]) and the body as
//! `text` (Markdown, which plain text is too) or `html` (through [`html_blocks`]). Blank
//! lines are skipped; every problem is named `file:line`.

use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::front_matter::{self, FrontMatter, Value};
use lectern_engine::{markdown, parse};
use serde_json::Value as Json;

use super::{html_blocks, Kind, Read};

/// Reads the JSON Lines `text` (shown as `path`).
pub fn read(path: &str, text: &str) -> Read {
    let mut read = Read { kind: Kind::JsonLines, articles: Vec::new(), diagnostics: Vec::new() };
    for (i, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let n = i + 1;
        let object = match serde_json::from_str::<Json>(line) {
            Ok(Json::Object(object)) => object,
            Ok(_) => {
                read.diagnostics.push(Diagnostic::error(path, n, "not a JSON object: each line holds one article"));
                continue;
            }
            Err(e) => {
                read.diagnostics.push(Diagnostic::error(path, n, format!("not valid JSON: {e}")));
                continue;
            }
        };
        let mut front = FrontMatter::default();
        let mut problems = Vec::new();
        let mut blocks = None;
        for (key, value) in object {
            match (key.as_str(), value) {
                ("text", Json::String(body)) => blocks = Some(markdown::to_blocks(&body)),
                ("html", Json::String(body)) => blocks = Some(html_blocks::to_blocks(&body)),
                ("text" | "html", other) => {
                    problems.push(Diagnostic::error(path, n, format!("`{key}` must be a string, found {other}")))
                }
                (key, value) => match value_of(value) {
                    Ok(value) => front_matter::assign(path, n, key, value, &mut front, &mut problems),
                    Err(problem) => problems.push(Diagnostic::error(path, n, format!("`{key}`: {problem}"))),
                },
            }
        }
        let failed = problems.iter().any(Diagnostic::is_error);
        read.diagnostics.append(&mut problems);
        let Some(blocks) = blocks else {
            read.diagnostics.push(Diagnostic::error(path, n, "no `text` or `html`: an article needs its body"));
            continue;
        };
        match parse::article(path, front, blocks) {
            Some(article) if !failed => read.articles.push(article),
            Some(_) => {}
            None => read.diagnostics.push(Diagnostic::error(path, n, "the article's `text` or `html` is empty")),
        }
    }
    read
}

/// A JSON value as front matter would have written it.
fn value_of(json: Json) -> Result<Value, String> {
    Ok(match json {
        Json::String(s) => Value::Text(s),
        Json::Number(n) => Value::Number(n.to_string()),
        Json::Bool(b) => Value::Bool(b),
        Json::Null => Value::Empty,
        Json::Array(items) => Value::List(
            items
                .into_iter()
                .map(|item| match item {
                    Json::String(s) => Ok(s),
                    other => Err(format!("a list item must be text, found {other}")),
                })
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(_) => return Err("maps are not supported; write text or a list of text".into()),
    })
}
