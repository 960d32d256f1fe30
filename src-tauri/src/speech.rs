//! Read aloud (朗读) for webviews without speech synthesis: the `speak` and
//! `stop_speaking` commands, which run the desktop's own speech program.
//!
//! - Linux: `spd-say` (speech-dispatcher, `-l <language>`, waiting with `-w`), else
//!   `espeak-ng`. WebKitGTK has no `speechSynthesis`, so this is the only voice there.
//! - macOS: `say`, with a voice of the language when one is installed.
//! - Windows: PowerShell and System.Speech, with a voice of the language when installed.
//! - Android and iOS: `unavailable`; their webviews speak through the Web Speech API, which
//!   the app then uses.
//!
//! One reading at a time: `speak` ends the one before. It answers when the reading ends
//! (or is stopped), so the app's button knows when to go back to "朗读". Errors are the
//! strings `unavailable` (no speech program) and `failed: …`.

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The app's languages, as the speech programs name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    /// The app's BCP 47 tag (`zh-CN`, `zh-TW`, `en`); anything else is refused.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" => Some(Lang::ZhCn),
            "zh-TW" => Some(Lang::ZhTw),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// speech-dispatcher's language code (its espeak-ng voices speak Mandarin for `zh`).
    fn speech_dispatcher(self) -> &'static str {
        match self {
            Lang::ZhCn | Lang::ZhTw => "zh",
            Lang::En => "en",
        }
    }

    /// espeak-ng's voice: `cmn` is Mandarin, for both Chinese scripts.
    fn espeak(self) -> &'static str {
        match self {
            Lang::ZhCn | Lang::ZhTw => "cmn",
            Lang::En => "en",
        }
    }
}

/// The most text one reading takes (a long notice is many minutes of speech); it also keeps
/// the command line well under the system's limit for one argument.
pub const MAX_CHARS: usize = 10_000;

/// The text as it goes to a speech program: at most [`MAX_CHARS`] characters, and never
/// starting with `-`, which a program could take for an option.
pub fn prepare_text(text: &str) -> String {
    let text = text.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
    text.chars().take(MAX_CHARS).collect()
}

/// One way to speak: a program, its arguments, and how to silence it beyond killing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub program: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Run after killing the program (speech-dispatcher keeps speaking what it was given).
    pub cancel: Option<(String, Vec<String>)>,
}

impl Invocation {
    fn new(program: &str, args: Vec<String>) -> Self {
        Invocation { program: program.to_owned(), args, env: Vec::new(), cancel: None }
    }
}

/// What to try on Linux, in order.
pub fn linux_invocations(text: &str, lang: Lang) -> Vec<Invocation> {
    let spd = Invocation {
        cancel: Some(("spd-say".to_owned(), vec!["-C".to_owned()])),
        ..Invocation::new(
            "spd-say",
            vec!["-w".into(), "-l".into(), lang.speech_dispatcher().into(), "--".into(), text.into()],
        )
    };
    let espeak = Invocation::new("espeak-ng", vec!["-v".into(), lang.espeak().into(), "--".into(), text.into()]);
    vec![spd, espeak]
}

/// The name of the first voice `say -v '?'` lists for the language (lines like
/// `Tingting            zh_CN    # 你好！我叫婷婷。`).
pub fn macos_voice(listing: &str, lang: Lang) -> Option<String> {
    let want = lang.tag().replace('-', "_");
    listing.lines().find_map(|line| {
        let described = line.split('#').next()?.trim_end();
        let (name, locale) = described.rsplit_once(char::is_whitespace)?;
        let matches = if lang == Lang::En { locale.starts_with("en_") } else { locale == want };
        matches.then(|| name.trim().to_owned())
    })
}

pub fn macos_invocation(text: &str, voice: Option<String>) -> Invocation {
    let mut args = Vec::new();
    if let Some(voice) = voice {
        args.extend(["-v".to_owned(), voice]);
    }
    args.push(text.to_owned());
    Invocation::new("say", args)
}

/// PowerShell with System.Speech; the text and language travel in the environment, so no
/// character of them is ever parsed as script.
pub fn windows_invocation(text: &str, lang: Lang) -> Invocation {
    const SCRIPT: &str = "Add-Type -AssemblyName System.Speech; \
        $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
        $v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -like \"$env:LINLI_SPEAK_LANG*\" } | Select-Object -First 1; \
        if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }; \
        $s.Speak($env:LINLI_SPEAK_TEXT)";
    Invocation {
        env: vec![("LINLI_SPEAK_TEXT".into(), text.into()), ("LINLI_SPEAK_LANG".into(), lang.tag().into())],
        ..Invocation::new(
            "powershell",
            ["-NoProfile", "-NonInteractive", "-Command", SCRIPT].map(str::to_owned).to_vec(),
        )
    }
}

/// The ways to speak on this platform, best first; empty where the webview speaks itself.
fn invocations(text: &str, lang: Lang) -> Vec<Invocation> {
    #[cfg(target_os = "linux")]
    {
        linux_invocations(text, lang)
    }
    #[cfg(target_os = "macos")]
    {
        let listing = Command::new("say").args(["-v", "?"]).output().ok();
        let voice = listing.and_then(|o| macos_voice(&String::from_utf8_lossy(&o.stdout), lang));
        vec![macos_invocation(text, voice)]
    }
    #[cfg(target_os = "windows")]
    {
        vec![windows_invocation(text, lang)]
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
    {
        let _ = (text, lang);
        Vec::new()
    }
}

struct Reading {
    number: u64,
    child: Child,
    cancel: Option<(String, Vec<String>)>,
}

impl Reading {
    fn end(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some((program, args)) = self.cancel {
            let _ = Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status();
        }
    }
}

/// The reading in progress, shared by the commands (Tauri state).
#[derive(Default, Clone)]
pub struct Speaker {
    current: Arc<Mutex<Option<Reading>>>,
    count: Arc<Mutex<u64>>,
}

impl Speaker {
    /// Ends the reading in progress, if any.
    pub fn stop(&self) {
        let reading = self.current.lock().expect("speaker lock").take();
        if let Some(reading) = reading {
            reading.end();
        }
    }

    /// Starts the first invocation whose program exists; returns its number.
    fn start(&self, ways: Vec<Invocation>) -> Result<u64, String> {
        self.stop();
        for way in ways {
            let spawned = Command::new(&way.program)
                .args(&way.args)
                .envs(way.env.iter().map(|(k, v)| (k, v)))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            match spawned {
                Ok(child) => {
                    let number = {
                        let mut count = self.count.lock().expect("speaker lock");
                        *count += 1;
                        *count
                    };
                    let reading = Reading { number, child, cancel: way.cancel };
                    let previous = self.current.lock().expect("speaker lock").replace(reading);
                    if let Some(previous) = previous {
                        previous.end();
                    }
                    return Ok(number);
                }
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
                Err(error) => return Err(format!("failed: {}: {error}", way.program)),
            }
        }
        Err("unavailable".to_owned())
    }

    /// Waits until reading `number` ends by itself (its result) or is stopped or replaced
    /// (`Ok`).
    fn wait(&self, number: u64) -> Result<(), String> {
        loop {
            {
                let mut current = self.current.lock().expect("speaker lock");
                let Some(reading) = current.as_mut().filter(|r| r.number == number) else {
                    return Ok(());
                };
                match reading.child.try_wait() {
                    Ok(Some(status)) => {
                        *current = None;
                        return if status.success() { Ok(()) } else { Err(format!("failed: {status}")) };
                    }
                    Ok(None) => {}
                    Err(error) => {
                        *current = None;
                        return Err(format!("failed: {error}"));
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Reads `text` aloud in `lang` and answers when it is over.
    pub async fn speak(&self, text: &str, lang: &str) -> Result<(), String> {
        let lang = Lang::parse(lang).ok_or_else(|| format!("failed: unknown language {lang:?}"))?;
        let text = prepare_text(text);
        if text.is_empty() {
            return Ok(());
        }
        let ways = invocations(&text, lang);
        if ways.is_empty() {
            return Err("unavailable".to_owned());
        }
        let number = self.start(ways)?;
        let speaker = self.clone();
        tauri::async_runtime::spawn_blocking(move || speaker.wait(number))
            .await
            .map_err(|e| format!("failed: {e}"))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_languages_are_spoken() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZhTw));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("--help"), None);
    }

    #[test]
    fn text_is_capped_and_never_an_option() {
        assert_eq!(prepare_text("-- -x 停水"), "x 停水");
        assert_eq!(prepare_text(&"字".repeat(MAX_CHARS + 5)).chars().count(), MAX_CHARS);
    }

    #[test]
    fn linux_tries_speech_dispatcher_then_espeak_in_the_language() {
        let ways = linux_invocations("停水通知", Lang::ZhTw);
        assert_eq!(ways[0].program, "spd-say");
        assert_eq!(ways[0].args, ["-w", "-l", "zh", "--", "停水通知"]);
        assert_eq!(ways[0].cancel, Some(("spd-say".to_owned(), vec!["-C".to_owned()])));
        assert_eq!(ways[1].program, "espeak-ng");
        assert_eq!(ways[1].args, ["-v", "cmn", "--", "停水通知"]);
        assert_eq!(linux_invocations("Water", Lang::En)[0].args[2], "en");
    }

    #[test]
    fn macos_picks_a_voice_of_the_language() {
        let listing = "Alex                en_US    # Most people recognize me by my voice.\n\
                       Mei-Jia             zh_TW    # 您好，我叫美佳。\n\
                       Ting-Ting           zh_CN    # 您好，我叫Ting-Ting。\n";
        assert_eq!(macos_voice(listing, Lang::ZhCn).as_deref(), Some("Ting-Ting"));
        assert_eq!(macos_voice(listing, Lang::ZhTw).as_deref(), Some("Mei-Jia"));
        assert_eq!(macos_voice(listing, Lang::En).as_deref(), Some("Alex"));
        assert_eq!(macos_voice("", Lang::En), None);
        assert_eq!(macos_invocation("hi", None).args, ["hi"]);
    }

    #[test]
    fn windows_passes_the_text_outside_the_script() {
        let way = windows_invocation("\"; Remove-Item *", Lang::ZhCn);
        assert!(!way.args.iter().any(|a| a.contains("Remove-Item")));
        assert!(way.env.contains(&("LINLI_SPEAK_TEXT".to_owned(), "\"; Remove-Item *".to_owned())));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn without_a_speech_program_speaking_is_unavailable() {
        let speaker = Speaker::default();
        let missing = Invocation::new("linli-no-such-speech-program", vec![]);
        assert_eq!(speaker.start(vec![missing]), Err("unavailable".to_owned()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_new_reading_ends_the_one_before() {
        let speaker = Speaker::default();
        let first = speaker.start(vec![Invocation::new("sleep", vec!["30".into()])]).unwrap();
        let second = speaker.start(vec![Invocation::new("true", vec![])]).unwrap();
        // The first is over (replaced), the second ends by itself.
        assert_eq!(speaker.wait(first), Ok(()));
        assert_eq!(speaker.wait(second), Ok(()));
        let third = speaker.start(vec![Invocation::new("sleep", vec!["30".into()])]).unwrap();
        speaker.stop();
        assert_eq!(speaker.wait(third), Ok(()));
    }
}
