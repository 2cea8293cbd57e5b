//! The reader's text selection inside the article body, as a [`Span`] of the article's
//! text. Text-bearing elements carry `data-block`; an end of the selection inside one is
//! measured by the article's text shown before it (not what the lenses add beside it), an
//! end outside every block (in a margin, on a rule) snaps to the nearest block the
//! selection touches.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::engine::anchor::{source_offset, Point, Span};
use crate::engine::article::Text;

/// The selected stretch of `texts`, when the selection is non-empty and inside `body`.
pub fn selected_span(body: &Element, texts: &[&Text]) -> Option<Span> {
    let range = current_range(body)?;
    let mut start = point(&range, body, texts, true)?;
    let mut end = point(&range, body, texts, false)?;
    // A selection that starts at the end of a block starts with the next one; one that
    // runs to the start of the next block ends with the previous one.
    if start.block < end.block && start.offset as usize >= texts.get(start.block as usize)?.text.len() {
        start = Point::new(start.block as usize + 1, 0);
    }
    if end.offset == 0 && end.block > start.block {
        let block = end.block as usize - 1;
        end = Point::new(block, texts.get(block)?.text.len());
    }
    (start < end).then_some(Span { start, end })
}

/// The selection's range when it is not collapsed and starts or ends inside `body`.
pub fn current_range(body: &Element) -> Option<Range> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = |n: Option<Node>| n.is_some_and(|n| body.contains(Some(&n)));
    (inside(range.start_container().ok())
        || inside(range.end_container().ok())
        || range.intersects_node(body).unwrap_or(false))
    .then_some(range)
}

fn point(range: &Range, body: &Element, texts: &[&Text], start: bool) -> Option<Point> {
    let (node, offset) = if start {
        (range.start_container().ok()?, range.start_offset().ok()?)
    } else {
        (range.end_container().ok()?, range.end_offset().ok()?)
    };
    if let Some(block) = block_of(&node, body) {
        let index = block_index(&block)?;
        let before = gloo::utils::document().create_range().ok()?;
        before.set_start(&block, 0).ok()?;
        before.set_end(&node, offset).ok()?;
        let shown = String::from(before.to_string()).len().saturating_sub(aside_before(&block, &node, offset));
        return Some(Point::new(index, source_offset(texts.get(index)?, shown)));
    }
    let blocks = body.query_selector_all("[data-block]").ok()?;
    let mut touched = (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok())
        .filter(|b| range.intersects_node(b).unwrap_or(false));
    let block = if start { touched.next() } else { touched.next_back() }?;
    let index = block_index(&block)?;
    Some(Point::new(index, if start { 0 } else { texts.get(index)?.text.len() }))
}

/// How much of the text before `(node, offset)` in `block` is not the article's: what the
/// lenses add (a quote's speaker, a name's card), marked `data-aside`. A point inside one
/// counts only its part before the point.
fn aside_before(block: &Element, node: &Node, offset: u32) -> usize {
    let Ok(asides) = block.query_selector_all("[data-aside]") else { return 0 };
    let mut added = 0;
    for aside in (0..asides.length()).filter_map(|i| asides.item(i)) {
        let Ok(range) = gloo::utils::document().create_range() else { continue };
        if range.select_node_contents(&aside).is_err() {
            continue;
        }
        // 1: the point is after the aside; 0: inside it; -1: before it.
        match range.compare_point(node, offset) {
            Ok(1) => {}
            Ok(0) if range.set_end(node, offset).is_ok() => {}
            _ => continue,
        }
        added += String::from(range.to_string()).len();
    }
    added
}

/// The text block element (inside `body`) that holds `node`.
fn block_of(node: &Node, body: &Element) -> Option<Element> {
    let element = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let block = element.closest("[data-block]").ok()??;
    body.contains(Some(&block)).then_some(block)
}

fn block_index(block: &Element) -> Option<usize> {
    block.get_attribute("data-block")?.parse().ok()
}
