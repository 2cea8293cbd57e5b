//! The hand-labelled lens set (`tests/fixtures/lenses/*.labels`) and how the extracted
//! lenses score against it: precision and recall of names per kind, of quote speakers, and
//! of figures. Native only, like the ranking's labelled queries.
//!
//! A label file, one fact a line (`#` starts a comment):
//! ```text
//! source: seeds/000_6567a31e3247bcbb.txt
//! person: Valery Gerasimov | Gerasimov
//! quote: I would like to separately note => Valery Gerasimov
//! quote: comprehensive, strategic partnership => -
//! figure: more than 11,000 North Korean troops
//! ```

use super::{Lenses, NameKind, SpanKind};
use crate::article::Article;

/// One labelled article.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// The article's file, relative to the repository.
    pub source: String,
    pub names: Vec<(NameKind, Vec<String>)>,
    /// (first words of the quotation, its speaker's name).
    pub quotes: Vec<(String, Option<String>)>,
    pub figures: Vec<String>,
}

/// Reads a label file; every problem names its line.
pub fn parse(file: &str, text: &str) -> Result<Labels, Vec<String>> {
    let mut labels = Labels::default();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            problems.push(format!("{file}:{}: expected `key: value`", n + 1));
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "source" => labels.source = value.to_string(),
            "person" | "place" | "org" => {
                let kind = match key.trim() {
                    "person" => NameKind::Person,
                    "place" => NameKind::Place,
                    _ => NameKind::Org,
                };
                let forms: Vec<String> = value.split('|').map(normal).filter(|f| !f.is_empty()).collect();
                if forms.is_empty() {
                    problems.push(format!("{file}:{}: a name line needs a name", n + 1));
                }
                labels.names.push((kind, forms));
            }
            "quote" => match value.rsplit_once("=>") {
                Some((prefix, speaker)) => {
                    let speaker = speaker.trim();
                    let speaker = (speaker != "-").then(|| normal(speaker));
                    labels.quotes.push((normal(prefix), speaker));
                }
                None => problems.push(format!("{file}:{}: a quote line is `quote: first words => speaker`", n + 1)),
            },
            "figure" => labels.figures.push(normal(value)),
            other => problems.push(format!("{file}:{}: unknown key `{other}`", n + 1)),
        }
    }
    if labels.source.is_empty() {
        problems.push(format!("{file}: no `source:` line"));
    }
    for (_, speaker) in &labels.quotes {
        if let Some(s) = speaker {
            if !labels.names.iter().any(|(k, forms)| *k != NameKind::Place && forms[0] == *s) {
                problems.push(format!("{file}: speaker `{s}` is not a labelled person or organisation"));
            }
        }
    }
    if problems.is_empty() {
        Ok(labels)
    } else {
        Err(problems)
    }
}

/// Apostrophes and spaces as one form, for comparing.
fn normal(s: &str) -> String {
    s.replace(['’', '‘'], "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Found, right, and labelled: precision is right/found, recall right-labelled/labelled.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Count {
    pub found: usize,
    pub right: usize,
    pub labelled: usize,
    pub recalled: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.recalled as f64 / self.labelled as f64
        }
    }
    pub fn add(&mut self, other: Count) {
        self.found += other.found;
        self.right += other.right;
        self.labelled += other.labelled;
        self.recalled += other.recalled;
    }
}

/// How one article's lenses score against its labels.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub people: Count,
    pub places: Count,
    pub orgs: Count,
    /// Quotes whose speaker is named, right when it is the labelled one.
    pub speakers: Count,
    pub figures: Count,
}

impl Scores {
    /// All names, whatever their kind.
    pub fn names(&self) -> Count {
        let mut all = self.people;
        all.add(self.places);
        all.add(self.orgs);
        all
    }

    pub fn add(&mut self, other: &Scores) {
        self.people.add(other.people);
        self.places.add(other.places);
        self.orgs.add(other.orgs);
        self.speakers.add(other.speakers);
        self.figures.add(other.figures);
    }
}

/// Scores `lenses`, found in `article`, against `labels`.
pub fn score(labels: &Labels, article: &Article, lenses: &Lenses) -> Scores {
    let forms_of = |i: usize| -> Vec<String> {
        let n = &lenses.names[i];
        std::iter::once(&n.name).chain(&n.aliases).map(|s| normal(s)).collect()
    };
    let meets = |a: &[String], b: &[String]| a.iter().any(|x| b.contains(x));
    let mut scores = Scores::default();
    for kind in [NameKind::Person, NameKind::Place, NameKind::Org] {
        let labelled: Vec<&Vec<String>> = labels.names.iter().filter(|(k, _)| *k == kind).map(|(_, f)| f).collect();
        let found: Vec<Vec<String>> =
            (0..lenses.names.len()).filter(|&i| lenses.names[i].kind == kind).map(forms_of).collect();
        let count = Count {
            found: found.len(),
            right: found.iter().filter(|f| labelled.iter().any(|l| meets(f, l))).count(),
            labelled: labelled.len(),
            recalled: labelled.iter().filter(|l| found.iter().any(|f| meets(f, l))).count(),
        };
        match kind {
            NameKind::Person => scores.people = count,
            NameKind::Place => scores.places = count,
            NameKind::Org => scores.orgs = count,
        }
    }
    let texts = article.texts();
    let text_of = |t: u32, s: u32, e: u32| -> String {
        texts.get(t as usize).and_then(|x| x.text.get(s as usize..e as usize)).map(normal).unwrap_or_default()
    };
    let labelled_forms = |speaker: &str| -> Vec<String> {
        labels.names.iter().find(|(_, f)| f[0] == speaker).map(|(_, f)| f.clone()).unwrap_or_default()
    };
    // Quotes found, each with its text (marks and leading punctuation left out).
    let found_quotes: Vec<(String, Option<usize>)> = lenses
        .spans
        .iter()
        .filter_map(|s| match s.kind {
            SpanKind::Quote { speaker } => {
                let text = text_of(s.text, s.start, s.end);
                let inner = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
                Some((inner, speaker.map(|i| i as usize)))
            }
            _ => None,
        })
        .collect();
    let same_quote = |found: &str, prefix: &str| {
        let prefix = prefix.trim_start_matches(|c: char| !c.is_alphanumeric());
        !prefix.is_empty() && (found.starts_with(prefix) || prefix.starts_with(found) && !found.is_empty())
    };
    let mut speakers = Count::default();
    for (text, speaker) in &found_quotes {
        let Some(speaker) = speaker else { continue };
        speakers.found += 1;
        let label = labels.quotes.iter().find(|(prefix, _)| same_quote(text, prefix));
        if let Some((_, Some(who))) = label {
            if meets(&forms_of(*speaker), &labelled_forms(who)) {
                speakers.right += 1;
            }
        }
    }
    for (prefix, who) in &labels.quotes {
        let Some(who) = who else { continue };
        speakers.labelled += 1;
        let found = found_quotes.iter().find(|(text, _)| same_quote(text, prefix));
        if let Some((_, Some(speaker))) = found {
            if meets(&forms_of(*speaker), &labelled_forms(who)) {
                speakers.recalled += 1;
            }
        }
    }
    scores.speakers = speakers;
    let found_figures: Vec<String> =
        lenses.spans.iter().filter(|s| s.kind == SpanKind::Figure).map(|s| text_of(s.text, s.start, s.end)).collect();
    let overlaps = |a: &str, b: &str| a.contains(b) || b.contains(a);
    scores.figures = Count {
        found: found_figures.len(),
        right: found_figures.iter().filter(|f| labels.figures.iter().any(|l| overlaps(f, l))).count(),
        labelled: labels.figures.len(),
        recalled: labels.figures.iter().filter(|l| found_figures.iter().any(|f| overlaps(f, l))).count(),
    };
    scores
}
