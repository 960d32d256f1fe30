//! Importing the property company's ledger: staff pick the file (CSV or Excel, from the
//! phone's file picker), check it (the server says what it would change and which rows are
//! wrong, line by line, and writes nothing), then import it. Nothing is written while any row
//! is wrong; after fixing the sheet staff pick the corrected file and check it again.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::register::limits::LEDGER_MAX_BYTES;
use linli_api::register::{ImportSummary, LedgerRowProblem, LEDGER_TYPES};
use linli_api::{ApiError, ErrorCode};

use super::{column_label, column_named, problem_label};
use crate::hall::images::read_bytes;
use crate::i18n::{t, t_args, tr};
use crate::layout::error_text;
use crate::layout::icons::{icon, REGISTER};
use crate::native::focus_soon;
use crate::session::Session;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What the phone's file picker offers: CSV and Excel workbooks.
const ACCEPT: &str = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The type to send a picked file as: the browser's when the server takes it, else by the
/// file's extension (phones often give none); `None` when it is no ledger.
pub fn ledger_content_type(name: &str, browser_type: &str) -> Option<&'static str> {
    let browser_type = browser_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if let Some(known) = LEDGER_TYPES.iter().find(|known| **known == browser_type && **known != "application/octet-stream") {
        return Some(known);
    }
    let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "csv" => Some("text/csv"),
        "txt" => Some("text/plain"),
        "xlsx" => Some(XLSX),
        // Old workbooks: the server explains that they must be saved as .xlsx.
        "xls" => Some("application/vnd.ms-excel"),
        _ => None,
    }
}

/// "第 28 行 · 面积：不是有效的面积数字（12O.35）".
pub fn problem_text(problem: &LedgerRowProblem) -> String {
    let args = [
        ("line", problem.line.to_string().into()),
        ("column", t(column_label(problem.column)).into()),
        ("problem", t(problem_label(problem.problem)).into()),
    ];
    if problem.value.trim().is_empty() {
        t_args("households-problem-blank", &args)
    } else {
        let mut args = args.to_vec();
        args.push(("value", problem.value.clone().into()));
        t_args("households-problem", &args)
    }
}

/// Why a file was not read or taken, in words about files rather than forms.
fn import_error_text(error: &ApiError) -> String {
    match error.code {
        ErrorCode::PayloadTooLarge => t_args("households-import-too-large", &[("megabytes", (LEDGER_MAX_BYTES / (1024 * 1024)).into())]),
        ErrorCode::UnsupportedMediaType => t("households-import-wrong-type"),
        ErrorCode::LedgerColumnsMissing => match error.field.as_deref().and_then(column_named) {
            Some(column) => format!(
                "{} {}",
                error_text(error.code),
                t_args("households-import-column-missing", &[("column", t(column_label(column)).into())])
            ),
            None => error_text(error.code),
        },
        code => error_text(code),
    }
}

/// A picked file, read.
#[derive(Clone)]
struct Picked {
    name: String,
    content_type: &'static str,
    bytes: Arc<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Idle,
    Reading,
    Checking,
    Importing,
}

/// The import section; `imported` runs after the register changed.
#[component]
pub fn LedgerImport(imported: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let picked = RwSignal::new(None::<Picked>);
    let busy = RwSignal::new(Busy::Idle);
    let preview = RwSignal::new(None::<ImportSummary>);
    let result = RwSignal::new(None::<ImportSummary>);
    let problem = RwSignal::new(None::<ApiError>);

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|files| files.get(0));
        // Picking the same file again (corrected in place) is a new pick.
        input.set_value("");
        let Some(file) = file else { return };
        picked.set(None);
        preview.set(None);
        result.set(None);
        problem.set(None);
        let name = file.name();
        let Some(content_type) = ledger_content_type(&name, &file.type_()) else {
            problem.set(Some(ApiError::new(ErrorCode::UnsupportedMediaType)));
            return;
        };
        if file.size() > LEDGER_MAX_BYTES as f64 {
            problem.set(Some(ApiError::new(ErrorCode::PayloadTooLarge)));
            return;
        }
        busy.set(Busy::Reading);
        spawn_local(async move {
            let bytes = read_bytes(&file).await;
            busy.try_set(Busy::Idle);
            match bytes {
                Some(bytes) => {
                    picked.try_set(Some(Picked { name, content_type, bytes: Arc::new(bytes) }));
                }
                None => {
                    problem.try_set(Some(ApiError::new(ErrorCode::LedgerUnreadable)));
                }
            }
        });
    };

    let send = move |apply: bool| {
        let Some(file) = picked.get_untracked() else { return };
        if busy.get_untracked() != Busy::Idle {
            return;
        }
        busy.set(if apply { Busy::Importing } else { Busy::Checking });
        problem.set(None);
        let client = session.client();
        spawn_local(async move {
            let answer = client.import_ledger(file.content_type, file.bytes.to_vec(), apply).await;
            busy.try_set(Busy::Idle);
            match answer {
                Ok(summary) if apply => {
                    if summary.applied {
                        imported.run(());
                    }
                    preview.try_set(None);
                    picked.try_set(None);
                    result.try_set(Some(summary));
                    focus_soon("#ledger-result-heading");
                }
                Ok(summary) => {
                    preview.try_set(Some(summary));
                    focus_soon("#ledger-preview-heading");
                }
                Err(error) => {
                    session.on_error(error.code());
                    problem.try_set(Some(ApiError { code: error.code(), field: error.field().map(str::to_owned) }));
                }
            }
        });
    };

    let status = move || match busy.get() {
        Busy::Reading => Some(t("households-import-reading")),
        Busy::Checking => Some(t("households-import-checking")),
        Busy::Importing => Some(t("households-import-importing")),
        Busy::Idle => picked.get().map(|file| t_args("households-import-picked", &[("file", file.name.into())])),
    };
    let can_check = move || picked.with(Option::is_some) && preview.with(Option::is_none) && busy.get() == Busy::Idle;
    view! {
        <section id="ledger-import" class="staff-tools" aria-labelledby="ledger-import-heading">
            <h2 id="ledger-import-heading">{tr("households-import-heading")}</h2>
            <p class="hint" id="ledger-file-hint">{tr("households-import-intro")}</p>
            <div class="field image-picker">
                <input type="file" id="ledger-file" name="ledger" class="visually-hidden file-input" accept=ACCEPT
                    aria-describedby="ledger-file-hint" on:change=on_change/>
                <label for="ledger-file" class="button file-button">{icon(REGISTER)}<span>{tr("households-import-pick")}</span></label>
            </div>
            <p id="ledger-status" class="hint" role="status">{status}</p>
            {move || problem.get().map(|error| view! {
                <p id="ledger-error" class="error" role="alert">{move || import_error_text(&error)}</p>
            })}
            {move || can_check().then(|| view! {
                <button type="button" class="button primary" id="ledger-check" on:click=move |_| send(false)>
                    {tr("households-import-check")}
                </button>
            })}
            {move || preview.get().map(|summary| view! { <Preview summary busy apply=Callback::new(move |_| send(true))/> })}
            {move || result.get().map(|summary| view! { <Imported summary/> })}
        </section>
    }
}

/// What the file would change, as figures.
#[component]
fn Figures(summary: ImportSummary, id: &'static str) -> impl IntoView {
    let figure = move |label: &'static str, value: u32, part: &'static str| {
        view! {
            <div class="staff-figure">
                <dt>{tr(label)}</dt>
                <dd id=format!("{id}-{part}")>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="staff-figures" id=id>
            {figure("households-figure-rows", summary.rows, "rows")}
            {figure("households-figure-buildings", summary.buildings_new, "buildings")}
            {figure("households-figure-units", summary.units_new, "units")}
            {figure("households-figure-households", summary.households_new, "households")}
            {figure("households-figure-changed", summary.households_changed, "changed")}
            {figure("households-figure-unchanged", summary.households_unchanged, "unchanged")}
        </dl>
    }
}

#[component]
fn Preview(summary: ImportSummary, busy: RwSignal<Busy>, apply: Callback<()>) -> impl IntoView {
    let listed = summary.problems.len() as u32;
    let total = summary.problems_total;
    let changes = summary.buildings_new + summary.units_new + summary.households_new + summary.households_changed > 0;
    let problems = summary.problems.clone();
    view! {
        <section id="ledger-preview" aria-labelledby="ledger-preview-heading">
            <h3 id="ledger-preview-heading" tabindex="-1">{tr("households-preview-heading")}</h3>
            <Figures summary id="ledger-preview-figures"/>
            {if total > 0 {
                view! {
                    <p class="error" id="ledger-problems-count">{move || t_args("households-problems-count", &[("count", total.into())])}</p>
                    <ol class="ledger-problems" id="ledger-problems">
                        {problems.into_iter().map(|problem| {
                            let line = problem.line.to_string();
                            view! { <li data-line=line>{move || problem_text(&problem)}</li> }
                        }).collect_view()}
                    </ol>
                    {(total > listed).then(|| view! {
                        <p class="hint" id="ledger-problems-more">{move || t_args("households-problems-more", &[("count", (total - listed).into())])}</p>
                    })}
                    <p class="hint">{tr("households-problems-fix")}</p>
                }.into_any()
            } else if changes {
                view! {
                    <p class="hint">{tr("households-preview-ready")}</p>
                    <button type="button" class="button primary" id="ledger-apply" disabled=move || busy.get() != Busy::Idle
                        on:click=move |_| apply.run(())>
                        {move || if busy.get() == Busy::Importing { t("busy") } else { t("households-import-apply") }}
                    </button>
                }.into_any()
            } else {
                view! { <p class="done" id="ledger-nothing">{tr("households-preview-nothing")}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Imported(summary: ImportSummary) -> impl IntoView {
    let applied = summary.applied;
    let (households, changed) = (summary.households_new, summary.households_changed);
    view! {
        <section id="ledger-result" aria-labelledby="ledger-result-heading">
            <h3 id="ledger-result-heading" tabindex="-1">{tr("households-result-heading")}</h3>
            <p class="done" id="ledger-result-text">
                {move || if applied {
                    t_args("households-imported", &[("households", households.into()), ("changed", changed.into())])
                } else {
                    t("households-preview-nothing")
                }}
            </p>
            <Figures summary id="ledger-result-figures"/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_sent_with_its_type_or_one_its_name_gives() {
        assert_eq!(ledger_content_type("台账.csv", "text/csv"), Some("text/csv"));
        assert_eq!(ledger_content_type("台账.CSV", ""), Some("text/csv"), "phones often give no type");
        assert_eq!(ledger_content_type("ledger.xlsx", ""), Some(XLSX));
        assert_eq!(ledger_content_type("ledger.xlsx", "application/octet-stream"), Some(XLSX));
        // Excel on Windows calls a CSV file an Excel one; the server reads its content.
        assert_eq!(ledger_content_type("ledger.csv", "application/vnd.ms-excel"), Some("application/vnd.ms-excel"));
        assert_eq!(ledger_content_type("ledger.csv", "text/csv; charset=utf-8"), Some("text/csv"));
        assert_eq!(ledger_content_type("photo.jpg", "image/jpeg"), None);
        assert_eq!(ledger_content_type("ledger", ""), None);
    }
}
