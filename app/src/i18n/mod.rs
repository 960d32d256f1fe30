//! Fluent strings: one bundle per locale, built on first use from `locales/<tag>/*.ftl`
//! (one file per module, so a module's wording lives next to nothing else).
//!
//! `t("id")` reads the current locale from a global signal, so a view that shows
//! `move || t("id")` re-renders the moment the resident switches language.

mod format;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use linli_api::auth::Locale;
use unic_langid::LanguageIdentifier;

pub use format::{format_datetime, DEFAULT_UTC_OFFSET_MINUTES};

/// Every module's Fluent file, in the order they are added to a bundle.
macro_rules! locale_sources {
    ($($file:literal),* $(,)?) => {
        [
            (Locale::ZhCn, &[$(include_str!(concat!("../../../locales/zh-CN/", $file, ".ftl"))),*] as &[&str]),
            (Locale::ZhTw, &[$(include_str!(concat!("../../../locales/zh-TW/", $file, ".ftl"))),*]),
            (Locale::En, &[$(include_str!(concat!("../../../locales/en/", $file, ".ftl"))),*]),
        ]
    };
}

/// The Fluent sources of every shipped locale, compiled into the bundle.
pub const SOURCES: [(Locale, &[&str]); 3] = locale_sources!("main", "elderly", "family", "help", "hall", "hall-staff", "groceries", "groceries-shop", "wishes", "appointments", "appointments-residents", "appointments-staff", "reports", "accounts", "households");

pub type Bundle = FluentBundle<FluentResource>;

fn sources(locale: Locale) -> &'static [&'static str] {
    SOURCES.iter().find(|(l, _)| *l == locale).map(|(_, s)| *s).unwrap_or_default()
}

/// Parses one locale's files into a bundle; every parse or duplicate-id error is reported.
pub fn build_bundle(locale: Locale) -> Result<Bundle, String> {
    let langid: LanguageIdentifier =
        locale.tag().parse().map_err(|e| format!("{}: bad language tag: {e}", locale.tag()))?;
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for source in sources(locale) {
        let resource = FluentResource::try_new(source.to_string())
            .map_err(|(_, errors)| format!("{}: {errors:?}", locale.tag()))?;
        bundle.add_resource(resource).map_err(|errors| format!("{}: {errors:?}", locale.tag()))?;
    }
    Ok(bundle)
}

thread_local! {
    static BUNDLES: RefCell<HashMap<Locale, Rc<Bundle>>> = RefCell::new(HashMap::new());
    // An Arc signal belongs to no reactive owner, so it lives as long as the page.
    static LOCALE: ArcRwSignal<Locale> = ArcRwSignal::new(Locale::default());
}

fn bundle(locale: Locale) -> Option<Rc<Bundle>> {
    BUNDLES.with(|bundles| {
        if let Some(bundle) = bundles.borrow().get(&locale) {
            return Some(bundle.clone());
        }
        let bundle = Rc::new(build_bundle(locale).ok()?);
        bundles.borrow_mut().insert(locale, bundle.clone());
        Some(bundle)
    })
}

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The message `id` in `locale`, falling back to Simplified Chinese, then to the id itself.
pub fn translate(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    bundle(locale)
        .and_then(|b| format_in(&b, id, args))
        .or_else(|| bundle(Locale::ZhCn).and_then(|b| format_in(&b, id, args)))
        .unwrap_or_else(|| id.to_owned())
}

/// The current locale; reading it inside a view or effect subscribes to changes.
pub fn locale() -> Locale {
    LOCALE.with(|signal| signal.get())
}

pub fn locale_untracked() -> Locale {
    LOCALE.with(|signal| signal.get_untracked())
}

pub fn set_locale(locale: Locale) {
    LOCALE.with(|signal| {
        if signal.get_untracked() != locale {
            signal.set(locale)
        }
    })
}

/// The message `id` in the current locale.
pub fn t(id: &str) -> String {
    translate(locale(), id, None)
}

/// The message `id` with arguments, e.g. `t_args("notices-unread-count", &[("count", 3.into())])`.
pub fn t_args(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    translate(locale(), id, Some(&fluent_args))
}

/// A reactive text for views: `{tr("app-name")}` re-renders on a language switch.
pub fn tr(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || t(id)
}

/// The Fluent message naming a language, in that language's own words.
pub fn language_name_id(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhCn => "language-zh-CN",
        Locale::ZhTw => "language-zh-TW",
        Locale::En => "language-en",
    }
}
