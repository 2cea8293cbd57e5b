//! A thin rail at the window's edge showing where the matches are in the article; a
//! tick takes the reader to its match. A pointer aid only: the same steps are the
//! match buttons and `n` / `N`, so the rail is hidden from assistive technology.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::article::Text;
use crate::state::marks::BlockMarks;

/// Rows of the rail: matches closer than one row share a tick.
const ROWS: usize = 120;

#[derive(Properties, PartialEq)]
pub struct MatchRailProps {
    /// Each match's position as a fraction of the document's height, by match number.
    pub positions: Rc<Vec<f64>>,
    pub current: Option<usize>,
    pub on_select: Callback<usize>,
}

#[component]
pub fn MatchRail(props: &MatchRailProps) -> Html {
    if props.positions.is_empty() {
        return html! {};
    }
    let ticks = ticks(&props.positions, ROWS);
    let current_row = props.current.and_then(|c| props.positions.get(c)).map(|f| row(*f, ROWS));
    html! {
        <div class="match-rail" aria-hidden="true">
            <svg viewBox={format!("0 0 10 {ROWS}")} preserveAspectRatio="none">
                { for ticks.into_iter().map(|(r, first)| html! {
                    <rect x="0" y={r.to_string()} width="10" height="1" data-match={first.to_string()}
                        class={classes!("rail-tick", (Some(r) == current_row).then_some("is-current"))}
                        onclick={props.on_select.reform(move |_| first)} />
                }) }
            </svg>
        </div>
    }
}

/// Where matches are by the text before them, for a body not all rendered: title
/// matches at the top, each body match at its share of the article's text.
pub fn positions_by_text(texts: &[&Text], marks: &BlockMarks, title_matches: usize) -> Vec<f64> {
    let total = texts.iter().map(|t| t.text.len()).sum::<usize>().max(1) as f64;
    let mut out = vec![0.0; title_matches];
    let mut before = 0;
    for (text, ranges) in texts.iter().zip(&marks.blocks) {
        out.extend(ranges.iter().map(|r| (before + r.start) as f64 / total));
        before += text.text.len();
    }
    out
}

fn row(fraction: f64, rows: usize) -> usize {
    ((fraction * rows as f64) as usize).min(rows - 1)
}

/// One tick per occupied row, `(row, first match in it)`, top to bottom.
fn ticks(positions: &[f64], rows: usize) -> Vec<(usize, usize)> {
    let mut first = vec![None; rows];
    for (i, f) in positions.iter().enumerate() {
        first[row(*f, rows)].get_or_insert(i);
    }
    first.into_iter().enumerate().filter_map(|(r, m)| Some((r, m?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_matches_share_a_tick_that_leads_to_the_first() {
        assert_eq!(ticks(&[0.0, 0.001, 0.5, 0.999, 1.0], 100), vec![(0, 0), (50, 2), (99, 3)]);
    }

    #[test]
    fn positions_by_text_follow_the_text_before_each_match() {
        let owned = [Text::plain("aaaa"), Text::plain("bbbb")];
        let texts: Vec<&Text> = owned.iter().collect();
        let marks = BlockMarks { blocks: vec![vec![0..1, 2..3], vec![0..4]], first: 1 };
        assert_eq!(positions_by_text(&texts, &marks, 1), vec![0.0, 0.0, 0.25, 0.5]);
    }

    #[test]
    fn a_million_matches_make_at_most_one_tick_per_row() {
        let positions: Vec<f64> = (0..1_000_000).map(|i| i as f64 / 1_000_000.0).collect();
        assert_eq!(ticks(&positions, ROWS).len(), ROWS);
    }
}
