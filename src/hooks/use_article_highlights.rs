//! The reader's highlights in the reading view: where each of this article's highlights
//! is now and the ranges to mark per text block, and the actions on them: highlight the
//! selection, remove one, go to one, export all as Markdown. The highlights an article
//! brought from a read-it-later export (Wallabag annotations, Omnivore highlights) become
//! the reader's own the first time it is opened: listed, marked, exported and removable
//! like any other (a removed one does not come back).

use std::rc::Rc;

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use crate::browser::download::save_text;
use crate::browser::scroll::reader_body;
use crate::browser::selection::selected_span;
use crate::corpus::{corpus, ArticleRef};
use crate::engine::anchor::Span;
use crate::engine::article::is_safe_href;
use crate::hooks::use_highlights::use_highlights;
use crate::hooks::use_reveal::Target;
use crate::route::article_address;
use crate::state::highlights::{placed, Highlight, Highlights, Refused};
use crate::state::marks::BlockHighlights;

#[derive(Clone, PartialEq)]
pub struct ArticleHighlights {
    /// This article's highlights, in the order they were made.
    pub list: Rc<Vec<Highlight>>,
    /// Where each is now; `None` when its text is gone.
    pub placed: Rc<Vec<Option<Span>>>,
    /// Per text block, the highlighted ranges with the highlight's number.
    pub blocks: Rc<BlockHighlights>,
    /// Highlights of every article.
    pub total: usize,
    /// False once storage refused to keep them.
    pub saved: bool,
    /// Highlights the selection.
    pub add: Callback<()>,
    pub remove: Callback<usize>,
    /// Shows highlight `i`.
    pub go: Callback<usize>,
    /// Saves every highlight as a Markdown file.
    pub export: Callback<()>,
}

/// `article`'s highlights; `say` tells the reader what an action did, `reveal` shows a place.
#[hook]
pub fn use_article_highlights(
    article: ArticleRef,
    say: Callback<String>,
    reveal: Callback<Target>,
) -> ArticleHighlights {
    let highlights = use_highlights();
    {
        let (update, all) = (highlights.update.clone(), highlights.all.clone());
        use_effect_with(article, move |article| {
            let article = *article;
            let done = all.articles.get(&article.slug).is_some_and(|a| a.imported);
            if !article.imported.is_empty() && !done {
                update.emit(Box::new(move |all: &mut Highlights| {
                    let quotes: Vec<(String, Option<String>)> =
                        article.imported.iter().map(|h| (h.quote.clone(), h.note.clone())).collect();
                    all.import(&article.slug, &article.title, &article.texts(), &quotes);
                }));
            }
        });
    }
    let placed_now = use_memo((article, highlights.all.clone()), |(article, all)| {
        let texts = article.texts();
        let list = Rc::new(all.of(&article.slug).to_vec());
        let placed = placed(&list, &texts);
        let mut blocks: BlockHighlights = vec![Vec::new(); texts.len()];
        for (number, span) in placed.iter().enumerate() {
            for (block, range) in span.iter().flat_map(|s| s.block_ranges(&texts)) {
                blocks[block].push((range, number));
            }
        }
        blocks.iter_mut().for_each(|b| b.sort_by_key(|(r, _)| r.start));
        (list, Rc::new(placed), Rc::new(blocks))
    });
    let add = {
        let (update, say) = (highlights.update.clone(), say.clone());
        Callback::from(move |()| {
            let Some(body) = reader_body() else { return };
            let texts = article.texts();
            let Some(span) = selected_span(&body, &texts) else {
                say.emit(Refused::NotInText.message());
                return;
            };
            let say = say.clone();
            update.emit(Box::new(move |all: &mut Highlights| {
                let texts = article.texts();
                match all.add(&article.slug, &article.title, &texts, span) {
                    Ok(()) => say.emit("Highlighted.".into()),
                    Err(why) => say.emit(why.message()),
                }
            }));
            if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                let _ = selection.remove_all_ranges();
            }
        })
    };
    let remove = {
        let update = highlights.update.clone();
        Callback::from(move |i: usize| update.emit(Box::new(move |all: &mut Highlights| all.remove(&article.slug, i))))
    };
    let go = {
        let placed = placed_now.1.clone();
        Callback::from(move |i: usize| {
            if let Some(Some(span)) = placed.get(i) {
                reveal.emit((
                    span.start.block as usize,
                    format!("mark[data-highlight=\"{i}\"]"),
                    ScrollLogicalPosition::Center,
                ));
            }
        })
    };
    let export = {
        let all = highlights.all.clone();
        Callback::from(move |()| {
            let markdown = all.to_markdown(article_address, |slug| {
                corpus().by_slug(slug).map(|a| (a.title.clone(), a.url.clone().filter(|u| is_safe_href(u))))
            });
            if !save_text("lectern-highlights.md", "text/markdown", &markdown) {
                say.emit("This browser would not save the file.".into());
            }
        })
    };
    let (list, placed, blocks) = (*placed_now).clone();
    ArticleHighlights {
        list,
        placed,
        blocks,
        total: highlights.all.count(),
        saved: highlights.saved,
        add,
        remove,
        go,
        export,
    }
}
