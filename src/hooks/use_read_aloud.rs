//! Reading the article aloud with the browser's speech synthesis, one sentence at a
//! time (long utterances stall in some browsers, and a sentence is what gets marked):
//! the title first, then every text block, in the article's language. Play, pause, stop
//! and a rate that is remembered. Where the browser has no voices, it says so.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, SpeechSynthesis, SpeechSynthesisUtterance};
use yew::prelude::*;

use crate::browser::storage;
use crate::corpus::ArticleRef;
use crate::engine::article::Text;
use crate::engine::sentences::sentences;
use crate::engine::tokenize::primary_subtag;
use crate::state::prefs::{rate_from_storage, DEFAULT_RATE};

/// A sentence: in the title (`None`) or in a text block, and its byte range there.
pub type Place = (Option<usize>, Range<usize>);

/// What the browser can speak with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voices {
    /// No speech synthesis at all.
    Unsupported,
    /// Speech synthesis without any voice installed.
    Missing,
    /// Voices, but none for the article's language: the browser's default reads it.
    OtherLanguages,
    Ready,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Playback {
    Stopped,
    Playing,
    Paused,
}

#[derive(Clone, PartialEq)]
pub struct ReadAloudHandle {
    pub voices: Voices,
    pub playback: Playback,
    /// The sentence being read.
    pub speaking: Option<Place>,
    pub rate: f64,
    /// What went wrong the last time reading stopped by itself.
    pub error: Option<String>,
    /// Resumes, or starts at the first sentence of the given text block (`None`: the title).
    pub play: Callback<Option<usize>>,
    pub pause: Callback<()>,
    pub stop: Callback<()>,
    pub set_rate: Callback<f64>,
}

#[hook]
pub fn use_read_aloud(article: ArticleRef) -> ReadAloudHandle {
    let synth = use_memo((), |_| gloo::utils::window().speech_synthesis().ok());
    let voices = use_state_eq(|| synth.as_ref().as_ref().map_or(Voices::Unsupported, |s| voices_for(s, &article.lang)));
    let playback = use_state_eq(|| Playback::Stopped);
    let speaking = use_state_eq(|| None::<Place>);
    let error = use_state_eq(|| None::<String>);
    let rate = use_state_eq(|| storage::read(storage::SPEECH_RATE).map_or(DEFAULT_RATE, |r| rate_from_storage(&r)));
    let speaker = use_mut_ref({
        let (playback, speaking, error) = (playback.setter(), speaking.setter(), error.setter());
        let (rate, synth) = (*rate, synth.as_ref().clone());
        move || Speaker {
            synth,
            article,
            places: None,
            texts: Vec::new(),
            at: 0,
            rate,
            generation: 0,
            current: None,
            previous: None,
            playback,
            speaking,
            error,
        }
    });
    // Voices often arrive after the page loads.
    {
        let (synth, voices) = (synth.clone(), voices.setter());
        use_effect_with(article.lang.clone(), move |lang| {
            let lang = lang.clone();
            let listener = synth.as_ref().as_ref().map(|s| {
                let synth = s.clone();
                voices.set(voices_for(&synth, &lang));
                EventListener::new(s, "voiceschanged", move |_| voices.set(voices_for(&synth, &lang)))
            });
            move || drop(listener)
        });
    }
    // Another article (j / k) starts silent; leaving the view silences it.
    {
        let speaker = speaker.clone();
        use_effect_with(article, move |article| {
            speaker.borrow_mut().reset(*article);
            move || speaker.borrow_mut().silence()
        });
    }
    let play = {
        let (speaker, playback) = (speaker.clone(), *playback);
        Callback::from(move |from: Option<usize>| {
            if playback == Playback::Paused {
                speaker.borrow_mut().resume();
                return;
            }
            let at = speaker.borrow_mut().first_of(from);
            speak(&speaker, at);
        })
    };
    let pause = {
        let speaker = speaker.clone();
        Callback::from(move |()| speaker.borrow_mut().pause())
    };
    let stop = {
        let speaker = speaker.clone();
        Callback::from(move |()| speaker.borrow_mut().stop())
    };
    let set_rate = {
        let (speaker, rate, playback) = (speaker.clone(), rate.clone(), *playback);
        Callback::from(move |r: f64| {
            rate.set(r);
            storage::write(storage::SPEECH_RATE, &r.to_string());
            let at = {
                let mut s = speaker.borrow_mut();
                s.rate = r;
                s.at
            };
            // The sentence being read starts again at the new rate.
            if playback != Playback::Stopped {
                speaker.borrow_mut().silence();
                speak(&speaker, at);
            }
        })
    };
    ReadAloudHandle {
        voices: *voices,
        playback: *playback,
        speaking: (*speaking).clone(),
        rate: *rate,
        error: (*error).clone(),
        play,
        pause,
        stop,
        set_rate,
    }
}

/// The speech queue. The event handlers of the utterance being read are kept one
/// utterance longer (in `previous`), so a handler is never dropped while it runs; when
/// dropped, they are detached from their utterance.
struct Speaker {
    synth: Option<SpeechSynthesis>,
    article: ArticleRef,
    /// Every sentence of the article, found when reading first starts.
    places: Option<Vec<Place>>,
    /// The article's text blocks, found with the sentences.
    texts: Vec<&'static Text>,
    /// The sentence being read.
    at: usize,
    rate: f64,
    /// Bumped whenever reading is interrupted: events of older utterances are ignored.
    generation: u32,
    current: Option<Utterance>,
    previous: Option<Utterance>,
    playback: UseStateSetter<Playback>,
    speaking: UseStateSetter<Option<Place>>,
    error: UseStateSetter<Option<String>>,
}

struct Utterance {
    utterance: SpeechSynthesisUtterance,
    _end: Closure<dyn FnMut(Event)>,
    _error: Closure<dyn FnMut(Event)>,
}

impl Drop for Utterance {
    fn drop(&mut self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

impl Speaker {
    fn places(&mut self) -> &[Place] {
        let article = self.article;
        if self.places.is_none() {
            self.texts = article.0.texts();
        }
        let texts = &self.texts;
        self.places.get_or_insert_with(|| {
            let title = sentences(&article.title).into_iter().map(|r| (None, r));
            let body =
                texts.iter().enumerate().flat_map(|(b, t)| sentences(&t.text).into_iter().map(move |r| (Some(b), r)));
            title.chain(body).collect()
        })
    }

    /// Index of the first sentence of text block `block` (or after it), 0 for the title.
    fn first_of(&mut self, block: Option<usize>) -> usize {
        let Some(block) = block else { return 0 };
        let places = self.places();
        places.iter().position(|(b, _)| b.is_some_and(|b| b >= block)).unwrap_or(0)
    }

    fn text(&self, (block, range): &Place) -> String {
        let text = match block {
            None => self.article.title.as_str(),
            Some(b) => self.texts.get(*b).map_or("", |t| t.text.as_str()),
        };
        text.get(range.clone()).unwrap_or("").to_string()
    }

    /// Stops speaking without touching the view's state (also used when it unmounts).
    fn silence(&mut self) {
        self.generation += 1;
        if let Some(current) = self.current.take() {
            self.previous = Some(current);
        }
        if let Some(synth) = &self.synth {
            synth.cancel();
            synth.resume();
        }
    }

    fn stop(&mut self) {
        self.silence();
        self.speaking.set(None);
        self.playback.set(Playback::Stopped);
    }

    fn pause(&mut self) {
        if let Some(synth) = &self.synth {
            synth.pause();
            self.playback.set(Playback::Paused);
        }
    }

    fn resume(&mut self) {
        if let Some(synth) = &self.synth {
            synth.resume();
            self.playback.set(Playback::Playing);
        }
    }

    fn reset(&mut self, article: ArticleRef) {
        if self.article != article || self.current.is_some() {
            self.stop();
        }
        self.article = article;
        self.places = None;
        self.texts = Vec::new();
        self.at = 0;
    }
}

/// Reads sentence `at`, then the ones after it.
fn speak(speaker: &Rc<RefCell<Speaker>>, at: usize) {
    let mut s = speaker.borrow_mut();
    s.generation += 1;
    let generation = s.generation;
    s.previous = s.current.take();
    let place = s.places().get(at).cloned();
    let (Some(synth), Some(place)) = (s.synth.clone(), place) else {
        s.stop();
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&s.text(&place)) else {
        s.stop();
        return;
    };
    utterance.set_lang(&s.article.lang);
    utterance.set_rate(s.rate as f32);
    let weak = Rc::downgrade(speaker);
    let end = Closure::<dyn FnMut(Event)>::new({
        let weak = weak.clone();
        move |_| {
            if let Some(speaker) = live(&weak, generation) {
                speak(&speaker, at + 1);
            }
        }
    });
    let error = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let code =
            js_sys::Reflect::get(&e, &JsValue::from_str("error")).ok().and_then(|c| c.as_string()).unwrap_or_default();
        if let Some(speaker) = live(&weak, generation) {
            let mut s = speaker.borrow_mut();
            s.error.set(Some(format!("Reading stopped: the browser's speech engine reported “{code}”.")));
            s.stop();
        }
    });
    utterance.set_onend(Some(end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(error.as_ref().unchecked_ref()));
    s.at = at;
    s.current = Some(Utterance { utterance: utterance.clone(), _end: end, _error: error });
    s.speaking.set(Some(place));
    s.playback.set(Playback::Playing);
    s.error.set(None);
    drop(s);
    // Outside the borrow: a speech engine may report back before `speak` returns.
    synth.speak(&utterance);
}

/// The speaker, if it is still reading the utterance of `generation`.
/// A speaker busy right now is interrupting this utterance itself (an engine may report
/// the interruption from inside `cancel`): that counts as not live.
fn live(weak: &Weak<RefCell<Speaker>>, generation: u32) -> Option<Rc<RefCell<Speaker>>> {
    weak.upgrade().filter(|s| s.try_borrow().is_ok_and(|s| s.generation == generation))
}

fn voices_for(synth: &SpeechSynthesis, lang: &str) -> Voices {
    let voices = synth.get_voices();
    if voices.length() == 0 {
        return Voices::Missing;
    }
    let wanted = primary_subtag(lang);
    let matches = voices.iter().any(|v| {
        js_sys::Reflect::get(&v, &JsValue::from_str("lang"))
            .ok()
            .and_then(|l| l.as_string())
            .is_some_and(|l| primary_subtag(&l) == wanted)
    });
    if matches {
        Voices::Ready
    } else {
        Voices::OtherLanguages
    }
}
