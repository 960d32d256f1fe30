//! Read aloud (朗读): a big button that speaks a page's text in the current language.
//!
//! Where the speech comes from:
//! - in the Tauri shell, the shell's `speak` / `stop_speaking` commands (speech-dispatcher
//!   or espeak-ng on Linux, whose WebKitGTK webview has no speech synthesis; `say` on
//!   macOS; System.Speech on Windows). When the shell reports `unavailable` (Android and
//!   iOS, whose webviews speak themselves) the Web Speech API takes over;
//! - in a browser, the Web Speech API (`speechSynthesis` + `SpeechSynthesisUtterance`),
//!   with a voice for the language when the device has one.
//!
//! One thing speaks at a time: starting a read-aloud stops any other.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::i18n::{locale_untracked, t};
use crate::layout::icons::{self, icon};
use crate::native;

/// Why reading aloud did not work, as the app tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechError {
    /// Neither the browser nor the device can speak.
    Unavailable,
    /// Speaking started but failed.
    Failed,
}

impl SpeechError {
    /// The Fluent message that tells the person.
    pub fn message_id(self) -> &'static str {
        match self {
            SpeechError::Unavailable => "read-aloud-unavailable",
            SpeechError::Failed => "read-aloud-failed",
        }
    }

    /// The shell's error answer (`"unavailable"`, or anything else for a failure).
    pub fn from_shell(answer: &str) -> Self {
        if answer == "unavailable" {
            SpeechError::Unavailable
        } else {
            SpeechError::Failed
        }
    }
}

// --- what is speaking ----------------------------------------------------------------------

thread_local! {
    /// The number of the reading now speaking, if any; every reading gets a new number, so
    /// the end of an old one cannot stop the button of a new one.
    static SPEAKING: ArcRwSignal<Option<u64>> = ArcRwSignal::new(None);
    static NEXT: Cell<u64> = const { Cell::new(1) };
    /// The Web Speech utterance in progress and its end handler; kept alive here (Chromium
    /// drops the events of an utterance nothing references).
    static UTTERANCE: RefCell<Option<WebUtterance>> = const { RefCell::new(None) };
}

fn speaking() -> Option<u64> {
    SPEAKING.with(|s| s.get())
}

fn set_speaking(value: Option<u64>) {
    SPEAKING.with(|s| s.set(value));
}

/// Marks reading `n` finished, unless another one has started since.
fn finished(n: u64) {
    if SPEAKING.with(|s| s.get_untracked()) == Some(n) {
        set_speaking(None);
    }
}

/// Starts reading `text` aloud in `lang` (a BCP 47 tag); `on_error` hears why it could not.
fn start(text: String, lang: &'static str, on_error: impl Fn(SpeechError) + 'static) -> u64 {
    // The shell's `speak` replaces what it was saying itself; a `stop_speaking` sent now
    // could overtake it and silence the new reading.
    stop_web();
    let n = NEXT.with(|next| next.replace(next.get() + 1));
    set_speaking(Some(n));
    let fail = move |error: SpeechError| {
        if SPEAKING.with(|s| s.get_untracked()) == Some(n) {
            set_speaking(None);
            on_error(error);
        }
    };
    if native::is_tauri() {
        spawn_local(async move {
            match invoke_shell("speak", &[("text", &text), ("lang", lang)]).await {
                Ok(()) => finished(n),
                Err(SpeechError::Unavailable) if has_web_speech() => {
                    if let Err(error) = web_speak(&text, lang, n) {
                        fail(error);
                    }
                }
                Err(error) => fail(error),
            }
        });
    } else if let Err(error) = web_speak(&text, lang, n) {
        fail(error);
    }
    n
}

/// Stops whatever is being read aloud.
fn stop() {
    set_speaking(None);
    stop_web();
    if native::is_tauri() {
        spawn_local(async {
            let _ = invoke_shell("stop_speaking", &[]).await;
        });
    }
}

// --- the Tauri shell -----------------------------------------------------------------------

/// `window.__TAURI__.core.invoke(command, args)`, awaited; a refusal becomes a `SpeechError`.
async fn invoke_shell(command: &str, args: &[(&str, &str)]) -> Result<(), SpeechError> {
    let call = || -> Result<Promise, JsValue> {
        let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
        let tauri = Reflect::get(&window, &"__TAURI__".into())?;
        let core = Reflect::get(&tauri, &"core".into())?;
        let invoke: Function = Reflect::get(&core, &"invoke".into())?.dyn_into()?;
        let object = Object::new();
        for (name, value) in args {
            Reflect::set(&object, &(*name).into(), &(*value).into())?;
        }
        invoke.call2(&core, &command.into(), &object)?.dyn_into()
    };
    let promise = call().map_err(|_| SpeechError::Unavailable)?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(answer) => Err(SpeechError::from_shell(&answer.as_string().unwrap_or_default())),
    }
}

// --- the Web Speech API --------------------------------------------------------------------

fn has_web_speech() -> bool {
    let Some(window) = web_sys::window() else { return false };
    ["speechSynthesis", "SpeechSynthesisUtterance"]
        .iter()
        .all(|name| Reflect::get(&window, &(*name).into()).is_ok_and(|v| !v.is_undefined() && !v.is_null()))
}

fn stop_web() {
    if let Some(old) = UTTERANCE.with(|u| u.borrow_mut().take()) {
        old.detach();
    }
    if has_web_speech() {
        if let Some(synth) = synthesis() {
            synth.cancel();
        }
    }
}

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

struct WebUtterance {
    utterance: SpeechSynthesisUtterance,
    _on_end: Closure<dyn FnMut(web_sys::Event)>,
}

impl WebUtterance {
    /// Unhooks the handler before it is dropped, so a late event finds nothing to call.
    fn detach(self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

fn web_speak(text: &str, lang: &str, n: u64) -> Result<(), SpeechError> {
    if !has_web_speech() {
        return Err(SpeechError::Unavailable);
    }
    let synth = synthesis().ok_or(SpeechError::Unavailable)?;
    let utterance = SpeechSynthesisUtterance::new_with_text(text).map_err(|_| SpeechError::Failed)?;
    utterance.set_lang(lang);
    let voices: Vec<SpeechSynthesisVoice> =
        synth.get_voices().iter().filter_map(|v| v.dyn_into().ok()).collect();
    let tags: Vec<String> = voices.iter().map(SpeechSynthesisVoice::lang).collect();
    if let Some(index) = pick_voice(&tags, lang) {
        utterance.set_voice(Some(&voices[index]));
    }
    // A little slower than the default: easier to follow.
    utterance.set_rate(0.9);
    let on_end = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| finished(n));
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_end.as_ref().unchecked_ref()));
    synth.speak(&utterance);
    let current = WebUtterance { utterance, _on_end: on_end };
    if let Some(old) = UTTERANCE.with(|u| u.borrow_mut().replace(current)) {
        old.detach();
    }
    Ok(())
}

/// The voice to read `lang` with, by the voices' language tags: the same language and
/// region first; then, for Chinese, any Mandarin voice (Traditional characters read fine in
/// Mandarin; a Cantonese `zh-HK` voice is not what a Taiwanese reader expects); for other
/// languages, any voice of the language. `None`: leave it to the browser.
pub fn pick_voice(voice_langs: &[String], lang: &str) -> Option<usize> {
    let norm = |tag: &str| tag.replace('_', "-").to_ascii_lowercase();
    let want = norm(lang);
    let primary = want.split('-').next().unwrap_or_default().to_owned();
    let tags: Vec<String> = voice_langs.iter().map(|t| norm(t)).collect();
    if let Some(exact) = tags.iter().position(|t| *t == want) {
        return Some(exact);
    }
    if primary == "zh" {
        let mandarin = ["zh-cn", "zh-tw", "zh-sg", "cmn-hans-cn", "cmn-hant-tw", "zh", "cmn"];
        return mandarin.iter().find_map(|m| tags.iter().position(|t| t == m));
    }
    tags.iter().position(|t| t.split('-').next() == Some(primary.as_str()))
}

// --- what to read ----------------------------------------------------------------------------

/// Plain text from the server's sanitised HTML: tags dropped, block ends become line
/// breaks, the entities the sanitiser writes decoded.
pub fn html_to_text(html: &str) -> String {
    const BREAKS: [&str; 12] = ["p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr", "blockquote", "pre", "hr"];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..open]));
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let ends_block = tag.starts_with('/') || name == "br" || name == "hr";
        if ends_block && BREAKS.contains(&name.as_str()) && !text.ends_with('\n') {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(&decode_entities(rest));
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|end| *end <= 10).map(|end| &after[..end]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        });
        match (entity, decoded) {
            (Some(entity), Some(c)) => {
                out.push(c);
                rest = &after[entity.len() + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Joins what a page reads aloud (a title, then its text) so that each part ends as a
/// sentence, which gives the voice a pause between them.
pub fn reading_text(parts: &[&str]) -> String {
    const ENDS: &[char] = &['。', '！', '？', '.', '!', '?', '：', ':', '；', ';', '…'];
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(part);
        if !part.ends_with(ENDS) {
            let cjk = part.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            out.push_str(if cjk { "。" } else { "." });
        }
    }
    out
}

// --- the button ----------------------------------------------------------------------------

/// The 朗读 button: reads `text` (taken when pressed) aloud in the current language; pressed
/// again, it stops. `aria-pressed` says whether it is reading; a failure is said in words.
#[component]
pub fn ReadAloud(
    /// What to read, e.g. a notice's title and body.
    #[prop(into)]
    text: Signal<String>,
    /// The button's id (one per page is usual: `read-aloud`).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or("read-aloud");
    let mine = RwSignal::new(None::<u64>);
    let error = RwSignal::new(None::<SpeechError>);
    let on = move || mine.get().is_some() && mine.get() == speaking();
    let toggle = move |_| {
        error.set(None);
        if on() {
            stop();
            return;
        }
        let lang = locale_untracked().tag();
        let n = start(text.get_untracked(), lang, move |e| error.set(Some(e)));
        mine.set(Some(n));
    };
    // Leaving the page stops its reading.
    on_cleanup(move || {
        if mine.try_get_untracked().flatten().is_some_and(|n| Some(n) == SPEAKING.with(|s| s.get_untracked())) {
            stop();
        }
    });
    let error_id = format!("{id}-error");
    view! {
        <div class="read-aloud">
            <button
                type="button"
                id=id
                class="button read-aloud-button"
                aria-pressed=move || if on() { "true" } else { "false" }
                aria-describedby=move || error.get().map(|_| error_id.clone())
                on:click=toggle
            >
                {icon(icons::SPEAKER)}
                <span>{move || if on() { t("read-aloud-stop") } else { t("read-aloud") }}</span>
            </button>
            <p id=format!("{id}-error") class="error" role="alert" class:empty=move || error.get().is_none()>
                {move || error.get().map(|e| t(e.message_id()))}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_voice_of_the_same_language_and_region_comes_first() {
        let voices = langs(&["en-US", "zh-TW", "zh-CN"]);
        assert_eq!(pick_voice(&voices, "zh-CN"), Some(2));
        assert_eq!(pick_voice(&voices, "zh-TW"), Some(1));
        assert_eq!(pick_voice(&voices, "en"), Some(0));
        // Android writes tags with an underscore.
        assert_eq!(pick_voice(&langs(&["zh_CN"]), "zh-CN"), Some(0));
    }

    #[test]
    fn chinese_falls_back_to_mandarin_never_to_cantonese() {
        assert_eq!(pick_voice(&langs(&["zh-HK", "zh-CN"]), "zh-TW"), Some(1));
        assert_eq!(pick_voice(&langs(&["zh-HK"]), "zh-TW"), None);
        assert_eq!(pick_voice(&langs(&["en-GB", "cmn"]), "zh-CN"), Some(1));
        assert_eq!(pick_voice(&langs(&["fr-FR"]), "en"), None);
    }

    #[test]
    fn html_becomes_lines_of_plain_text() {
        let html = "<p>因检修，<strong>1栋</strong>停水。</p>\n<ul>\n<li>请储水</li>\n<li>A &amp; B &lt;3&gt; &#20572;&#x6c34;</li>\n</ul>";
        assert_eq!(html_to_text(html), "因检修，1栋停水。\n请储水\nA & B <3> 停水");
        assert_eq!(html_to_text("a<br>b &unknown; c & d"), "a\nb &unknown; c & d");
    }

    #[test]
    fn each_part_read_ends_as_a_sentence() {
        assert_eq!(reading_text(&["停水通知", "明天停水。"]), "停水通知。\n明天停水。");
        assert_eq!(reading_text(&["Water off", " ", "Tomorrow!"]), "Water off.\nTomorrow!");
    }
}
