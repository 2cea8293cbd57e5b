//! The read-aloud controls: play or resume, pause, stop and speed, or why reading aloud
//! is not possible here.

use yew::prelude::*;

use crate::hooks::use_read_aloud::{Playback, ReadAloudHandle, Voices};
use crate::state::prefs::RATES;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub handle: ReadAloudHandle,
    /// Starts reading (the page picks where: the title, or the first block in view).
    pub on_play: Callback<()>,
}

#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let h = &props.handle;
    let unavailable = match h.voices {
        Voices::Unsupported => {
            Some(("Can't read aloud", "This browser has no speech synthesis, so it cannot read articles aloud."))
        }
        Voices::Missing => {
            Some(("No voices", "This browser has no speech voices installed, so it cannot read articles aloud."))
        }
        Voices::OtherLanguages | Voices::Ready => None,
    };
    let on_rate = {
        let set_rate = h.set_rate.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(rate) = value.parse() {
                set_rate.emit(rate);
            }
        })
    };
    html! {
        <div class="read-aloud" role="group" aria-label="Read aloud">
            if let Some((short, why)) = unavailable {
                <button type="button" class="tool-button" aria-label="Read aloud" aria-describedby="read-aloud-status" disabled=true>
                    <span aria-hidden="true">{ "▶" }</span>
                </button>
                <span id="read-aloud-status" class="read-aloud-status" title={why}>
                    <span aria-hidden="true">{ short }</span><span class="visually-hidden">{ why }</span>
                </span>
            } else {
                if h.playback == Playback::Playing {
                    <button type="button" class="tool-button" aria-label="Pause reading" title="Pause reading"
                        onclick={h.pause.reform(|_| ())}><span aria-hidden="true">{ "❚❚" }</span></button>
                } else {
                    <button type="button" class="tool-button"
                        aria-label={if h.playback == Playback::Paused { "Resume reading" } else { "Read aloud" }}
                        title={if h.playback == Playback::Paused { "Resume reading" } else { "Read aloud" }}
                        onclick={props.on_play.reform(|_| ())}><span aria-hidden="true">{ "▶" }</span></button>
                }
                if h.playback != Playback::Stopped {
                    <button type="button" class="tool-button" aria-label="Stop reading" title="Stop reading"
                        onclick={h.stop.reform(|_| ())}><span aria-hidden="true">{ "■" }</span></button>
                    <select class="rate-select" aria-label="Reading speed" onchange={on_rate}>
                        { for RATES.iter().map(|r| html! {
                            <option value={r.to_string()} selected={*r == h.rate}>{ format!("{r}×") }</option>
                        }) }
                    </select>
                }
                if h.voices == Voices::OtherLanguages && h.playback != Playback::Stopped {
                    <span class="read-aloud-status">{ "No voice for this language: the default voice reads" }</span>
                }
            }
            // Always on the page, so screen readers hear an error when it appears.
            <span class="read-aloud-status read-aloud-error" role="status">{ h.error.clone().unwrap_or_default() }</span>
        </div>
    }
}
