//! The Fluent files are complete, consistent and all used.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;
use linli_api::auth::Locale;
use linli_api::ErrorCode;
use linli_app::i18n::{build_bundle, translate, SOURCES};

/// The message ids of one locale, over all its files.
fn message_ids(sources: &[&str]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for source in sources {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
        ids.extend(resource.entries().filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        }));
    }
    ids
}

fn app_source_text() -> String {
    fn walk(dir: &Path, text: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, text);
            } else if path.extension().is_some_and(|e| e == "rs") {
                // Code only: a message named in a comment is neither used nor asked for.
                let source = std::fs::read_to_string(&path).unwrap();
                for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    let mut text = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut text);
    text
}

fn error_ids() -> BTreeSet<String> {
    ErrorCode::ALL.iter().map(|code| code.message_id()).collect()
}

#[test]
fn every_locale_parses_without_errors() {
    for locale in Locale::ALL {
        if let Err(error) = build_bundle(locale) {
            panic!("{} does not parse: {error}", locale.tag());
        }
    }
}

#[test]
fn every_locale_defines_the_same_messages() {
    let reference = message_ids(SOURCES[0].1);
    for (locale, source) in SOURCES {
        let ids = message_ids(source);
        let missing: Vec<_> = reference.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&reference).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
        assert!(extra.is_empty(), "{} has {extra:?}, which {} lacks", locale.tag(), SOURCES[0].0.tag());
    }
}

#[test]
fn every_error_code_has_a_sentence_in_every_locale() {
    for (locale, source) in SOURCES {
        let ids = message_ids(source);
        for code in ErrorCode::ALL {
            assert!(ids.contains(&code.message_id()), "{} lacks {} for `{code}`", locale.tag(), code.message_id());
        }
    }
}

#[test]
fn every_message_is_used_by_the_app() {
    let text = app_source_text();
    let errors = error_ids();
    let unused: Vec<_> = message_ids(SOURCES[0].1)
        .into_iter()
        // Error sentences are looked up through `ErrorCode::message_id`.
        .filter(|id| !errors.contains(id))
        .filter(|id| !text.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages defined but never used in app/src: {unused:?}");
}

#[test]
fn every_message_id_the_app_asks_for_exists() {
    // Ids passed straight to the lookup helpers must exist, or the screen shows the raw id.
    let text = app_source_text();
    let ids = message_ids(SOURCES[0].1);
    let mut missing = Vec::new();
    for helper in ["t(\"", "tr(\"", "t_args(\"", "title=\""] {
        for (at, _) in text.match_indices(helper) {
            // A whole word only: `set("` is not `t("`.
            let before = text[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue;
            }
            let id = text[at + helper.len()..].split('"').next().unwrap_or_default();
            if !ids.contains(id) {
                missing.push(id.to_owned());
            }
        }
    }
    assert!(missing.is_empty(), "the app asks for messages no locale defines: {missing:?}");
}

#[test]
fn plurals_format_for_zero_one_and_two_in_every_locale() {
    for locale in Locale::ALL {
        for count in [0, 1, 2] {
            let mut args = FluentArgs::new();
            args.set("count", count);
            let text = translate(locale, "notices-unread-count", Some(&args));
            assert!(!text.is_empty() && !text.contains('{'), "{}: {text}", locale.tag());
            assert_ne!(text, "notices-unread-count", "{}: message missing", locale.tag());
            if count > 0 {
                assert!(text.contains(&count.to_string()), "{} for {count}: {text}", locale.tag());
            }
        }
    }
}

#[test]
fn english_plurals_agree_with_the_count() {
    let format = |id: &str, count: i64| {
        let mut args = FluentArgs::new();
        args.set("count", count);
        translate(Locale::En, id, Some(&args))
    };
    assert_eq!(format("notices-unread-count", 0), "No unread notices");
    assert_eq!(format("notices-unread-count", 1), "1 unread");
    assert_eq!(format("reads-residents", 1), "resident");
    assert_eq!(format("reads-residents", 2), "residents");
}

#[test]
fn the_brand_differs_per_script() {
    assert_eq!(translate(Locale::ZhCn, "app-name", None), "邻里");
    assert_eq!(translate(Locale::ZhTw, "app-name", None), "鄰里");
    assert_eq!(translate(Locale::En, "app-name", None), "Linli");
}
