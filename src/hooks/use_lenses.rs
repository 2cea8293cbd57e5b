//! The news lenses of the reading view: which are on (a reading setting, stored with the
//! others), switching one, and what each text block shows of them.

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::{corpus, ArticleRef};
use crate::engine::lens::Lens;
use crate::hooks::use_prefs::use_prefs;
use crate::state::lenses::{layers, name_pages, BlockLenses, LensSet};
use crate::state::prefs::ReaderPrefs;

#[derive(Clone, PartialEq)]
pub struct LensesHandle {
    pub on: LensSet,
    pub toggle: Callback<Lens>,
    /// Per text block, the spans of the lenses on.
    pub blocks: Rc<BlockLenses>,
    /// Per name of the article, whether it has a page.
    pub pages: Rc<Vec<bool>>,
}

#[hook]
pub fn use_lenses(article: ArticleRef) -> LensesHandle {
    let prefs = use_prefs();
    let on = prefs.prefs.lenses;
    let blocks = use_memo((article, on), |(article, on)| layers(&article.lenses, *on, article.texts().len()));
    let pages = use_memo(article, |article| name_pages(&article.lenses, corpus()));
    let toggle = {
        let (prefs, set) = (prefs.prefs, prefs.set.clone());
        Callback::from(move |lens| set.emit(ReaderPrefs { lenses: prefs.lenses.toggled(lens), ..prefs }))
    };
    LensesHandle { on, toggle, blocks, pages }
}
