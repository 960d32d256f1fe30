//! The booking form, built from a service's fields: one input per kind (text, number, date,
//! one choice, several choices, mobile number, ID number, photo), the required ones marked,
//! each with its own error line. What was typed becomes the answers that the shared check
//! (`validate::appointments::answers`) accepts or names the field of, `answers.N`.
//!
//! Also how an answer reads on the case's page: options by their text, ID numbers masked.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use linli_api::appointments::{limits, Answer, FieldKind, FormField};
use linli_api::ids::UploadId;
use linli_api::validate::appointments as check;
use linli_api::{ApiError, ErrorCode};

use crate::i18n::{t, t_args};
use crate::layout::{error_text, FormError, OnePhoto};

/// The names the shared check and the server give errors about the answers: `answers.N`.
/// `FormError` wants its field names for good, and a form has at most this many fields.
pub const ANSWER_FIELDS: [&str; limits::MAX_FIELDS] = [
    "answers.0", "answers.1", "answers.2", "answers.3", "answers.4", "answers.5", "answers.6", "answers.7", "answers.8", "answers.9",
    "answers.10", "answers.11", "answers.12", "answers.13", "answers.14", "answers.15", "answers.16", "answers.17", "answers.18",
    "answers.19",
];

/// The place of the field an error names (`answers.3` → 3).
pub fn answer_index(field: &str) -> Option<usize> {
    field.strip_prefix("answers.")?.parse().ok().filter(|index| *index < limits::MAX_FIELDS)
}

/// The element that shows field `index`'s error (dynamic names make `FieldError` unfit).
pub fn answer_error_id(index: usize) -> String {
    format!("answer-{index}-error")
}

/// What was typed into one field, whatever its kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Typed {
    pub text: String,
    /// The options ticked, by their place (one at most for a single choice).
    pub chosen: Vec<u32>,
    pub photo: Option<UploadId>,
}

/// The live inputs of one field; made by the page, so they outlive the form being hidden
/// while another time is chosen.
#[derive(Clone, Copy)]
pub struct FieldInput {
    text: RwSignal<String>,
    chosen: RwSignal<Vec<u32>>,
    photo: RwSignal<Option<UploadId>>,
}

impl Default for FieldInput {
    fn default() -> Self {
        Self { text: RwSignal::new(String::new()), chosen: RwSignal::new(Vec::new()), photo: RwSignal::new(None) }
    }
}

impl FieldInput {
    pub fn typed(&self) -> Typed {
        Typed { text: self.text.get_untracked(), chosen: self.chosen.get_untracked(), photo: self.photo.get_untracked() }
    }
}

/// One field's answer as typed; `None` when left empty (the check decides whether it may be).
fn answer_of(kind: FieldKind, typed: &Typed, index: usize) -> Result<Option<Answer>, ApiError> {
    let text = typed.text.trim().to_owned();
    let given = !text.is_empty();
    Ok(match kind {
        FieldKind::Text => given.then_some(Answer::Text(text)),
        FieldKind::Number => given.then_some(Answer::Number(text)),
        FieldKind::Phone => given.then_some(Answer::Phone(text)),
        FieldKind::IdNumber => given.then_some(Answer::IdNumber(text)),
        FieldKind::Date if given => {
            let date = text.parse().map_err(|_| ApiError::on_field(ErrorCode::InvalidValue, ANSWER_FIELDS[index]))?;
            Some(Answer::Date(date))
        }
        FieldKind::Date => None,
        FieldKind::SingleChoice => typed.chosen.first().map(|chosen| Answer::SingleChoice(*chosen)),
        FieldKind::MultipleChoice => (!typed.chosen.is_empty()).then(|| Answer::MultipleChoice(typed.chosen.clone())),
        FieldKind::Image => typed.photo.map(Answer::Image),
    })
}

/// The form's answers as typed, checked as the server will check them.
pub fn typed_answers(form: &[FormField], typed: &[Typed]) -> Result<Vec<Option<Answer>>, ApiError> {
    let answers = form
        .iter()
        .zip(typed)
        .enumerate()
        .map(|(index, (field, typed))| answer_of(field.kind, typed, index))
        .collect::<Result<Vec<_>, _>>()?;
    check::answers(form, &answers)
}

/// The input to put the focus on for an error about field `index`.
pub fn focus_selector(form: &[FormField], index: usize) -> String {
    match form.get(index).map(|field| field.kind) {
        Some(FieldKind::SingleChoice | FieldKind::MultipleChoice) => format!("#answer-{index}-0"),
        _ => format!("#answer-{index}"),
    }
}

/// A field's label, marked when it must be filled in.
fn label_text(field: &FormField) -> String {
    if field.required {
        t_args("booking-field-required", &[("label", field.label.clone().into())])
    } else {
        field.label.clone()
    }
}

/// The Fluent id of the hint under a field of this kind, if it has one.
fn hint_id(kind: FieldKind) -> Option<&'static str> {
    match kind {
        FieldKind::Number => Some("booking-hint-number"),
        FieldKind::Phone => Some("booking-hint-phone"),
        FieldKind::IdNumber => Some("booking-hint-id-number"),
        FieldKind::MultipleChoice => Some("booking-hint-multiple"),
        _ => None,
    }
}

/// Every field of the form, in order.
#[component]
pub fn AnswerFields(
    fields: Vec<FormField>,
    inputs: Vec<FieldInput>,
    form: FormError,
    /// Booking for oneself: photos may be added (for someone else the upload would be one's
    /// own) and the browser may offer one's own phone number.
    for_oneself: bool,
    uploading: RwSignal<usize>,
) -> impl IntoView {
    fields
        .into_iter()
        .zip(inputs)
        .enumerate()
        .map(|(index, (field, input))| view! { <AnswerField index field input form for_oneself uploading/> })
        .collect_view()
}

/// The error under field `index`, present only while it has one.
#[component]
fn AnswerError(form: FormError, index: usize) -> impl IntoView {
    move || {
        form.on(ANSWER_FIELDS[index]).map(|code| {
            view! { <p id=answer_error_id(index) class="field-error" role="alert">{move || error_text(code)}</p> }
        })
    }
}

#[component]
fn AnswerField(index: usize, field: FormField, input: FieldInput, form: FormError, for_oneself: bool, uploading: RwSignal<usize>) -> impl IntoView {
    let name = ANSWER_FIELDS[index];
    let id = format!("answer-{index}");
    let hint = hint_id(field.kind).map(|hint| (format!("{id}-hint"), hint));
    let hint_element = hint.clone().map(|(hint_id, text)| view! { <p id=hint_id class="hint">{move || t(text)}</p> });
    let described_by = {
        let hint = hint.clone().map(|(hint_id, _)| hint_id);
        move || {
            let mut ids: Vec<String> = hint.clone().into_iter().collect();
            if form.on(name).is_some() {
                ids.push(answer_error_id(index));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || form.on(name).map(|_| "true");
    let label = label_text(&field);
    let required = field.required;
    let (kind, inputmode, autocomplete) = match field.kind {
        FieldKind::Number => ("text", Some("decimal"), "off"),
        FieldKind::Date => ("date", None, "off"),
        FieldKind::Phone => ("tel", Some("tel"), if for_oneself { "tel" } else { "off" }),
        _ => ("text", None, "off"),
    };
    match field.kind {
        FieldKind::SingleChoice | FieldKind::MultipleChoice => {
            let single = field.kind == FieldKind::SingleChoice;
            let chosen = input.chosen;
            view! {
                <fieldset class="choices" id=id.clone() aria-describedby=described_by>
                    <legend>{label}</legend>
                    {hint_element}
                    {field.options.iter().enumerate().map(|(place, option)| {
                        let place = place as u32;
                        let option_id = format!("{id}-{place}");
                        view! {
                            <div class="check">
                                <input type=if single { "radio" } else { "checkbox" } id=option_id.clone() name=id.clone()
                                    value=place.to_string() required=single && required
                                    prop:checked=move || chosen.with(|c| c.contains(&place))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            if single {
                                                c.clear();
                                            }
                                            c.retain(|other| *other != place);
                                            if on {
                                                c.push(place);
                                                c.sort_unstable();
                                            }
                                        });
                                    }/>
                                <label for=option_id>{option.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                    <AnswerError form index/>
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Image if for_oneself => view! {
            <fieldset class="choices" aria-describedby=described_by>
                <legend>{label.clone()}</legend>
                <OnePhoto id=id subject=Signal::stored(field.label.clone()) photo=input.photo uploading/>
                <AnswerError form index/>
            </fieldset>
        }
        .into_any(),
        FieldKind::Image => view! {
            <div class="field">
                <p class="field-label">{label}</p>
                <p class="hint" id=id>{move || t("booking-photo-not-for-others")}</p>
                <AnswerError form index/>
            </div>
        }
        .into_any(),
        FieldKind::IdNumber => view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                    maxlength="18" required=required
                    aria-invalid=invalid aria-describedby=described_by
                    bind:value=input.text/>
                {hint_element}
                <AnswerError form index/>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type=kind inputmode=inputmode autocomplete=autocomplete required=required
                    maxlength=(kind != "date").then(|| limits::ANSWER_MAX_CHARS.to_string())
                    aria-invalid=invalid aria-describedby=described_by
                    bind:value=input.text/>
                {hint_element}
                <AnswerError form index/>
            </div>
        }
        .into_any(),
    }
}

/// An ID number as shown on screen: the first three and last four characters only.
pub fn masked_id_number(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    let hidden = "*".repeat(chars.len() - 7);
    format!("{}{hidden}{}", chars[..3].iter().collect::<String>(), chars[chars.len() - 4..].iter().collect::<String>())
}

fn date_text(date: NaiveDate) -> String {
    t_args("booking-answer-date", &[("year", date.year().into()), ("month", date.month().into()), ("day", date.day().into())])
}

/// An answer in words (a photo is shown by the page itself).
pub fn answer_text(field: &FormField, answer: &Answer) -> String {
    let option = |chosen: u32| field.options.get(chosen as usize).cloned().unwrap_or_else(|| chosen.to_string());
    match answer {
        Answer::Text(text) | Answer::Number(text) | Answer::Phone(text) => text.clone(),
        Answer::IdNumber(number) => masked_id_number(number),
        Answer::Date(date) => date_text(*date),
        Answer::SingleChoice(chosen) => option(*chosen),
        Answer::MultipleChoice(chosen) => chosen.iter().map(|chosen| option(*chosen)).collect::<Vec<_>>().join(&t("list-separator")),
        Answer::Image(_) => t("booking-answer-photo"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind, required: bool) -> FormField {
        let options = if kind.has_options() { vec!["本人办理".into(), "家属代办".into()] } else { vec![] };
        FormField { label: "x".into(), kind, required, options }
    }

    fn typed(text: &str, chosen: &[u32]) -> Typed {
        Typed { text: text.into(), chosen: chosen.to_vec(), photo: None }
    }

    #[test]
    fn the_answer_fields_are_named_by_their_place() {
        for (index, name) in ANSWER_FIELDS.iter().enumerate() {
            assert_eq!(*name, format!("answers.{index}"));
            assert_eq!(answer_index(name), Some(index));
        }
        assert_eq!(answer_index("answers"), None);
        assert_eq!(answer_index("answers.20"), None);
    }

    #[test]
    fn what_was_typed_becomes_answers_of_each_fields_kind() {
        let form = [
            field(FieldKind::IdNumber, true),
            field(FieldKind::SingleChoice, true),
            field(FieldKind::Phone, false),
            field(FieldKind::Date, false),
            field(FieldKind::MultipleChoice, false),
        ];
        let answers = typed_answers(
            &form,
            &[typed(" 11010519491231002x ", &[]), typed("", &[1]), typed("  ", &[]), typed("2026-12-09", &[]), typed("", &[])],
        )
        .unwrap();
        assert_eq!(
            answers,
            [
                Some(Answer::IdNumber("11010519491231002X".into())),
                Some(Answer::SingleChoice(1)),
                None,
                Some(Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap())),
                None,
            ]
        );
    }

    #[test]
    fn errors_name_the_field_they_are_about() {
        let form = [field(FieldKind::Text, false), field(FieldKind::SingleChoice, true)];
        let missing = typed_answers(&form, &[typed("", &[]), typed("", &[])]).unwrap_err();
        assert_eq!(missing, ApiError::on_field(ErrorCode::FieldRequired, "answers.1"));
        let bad_date = typed_answers(&[field(FieldKind::Date, true)], &[typed("9 Dec", &[])]).unwrap_err();
        assert_eq!(bad_date.field.as_deref(), Some("answers.0"));
        let bad_id = typed_answers(&[field(FieldKind::IdNumber, true)], &[typed("110105194912310021", &[])]).unwrap_err();
        assert_eq!(bad_id, ApiError::on_field(ErrorCode::InvalidIdNumber, "answers.0"));
        assert_eq!(focus_selector(&form, 1), "#answer-1-0");
        assert_eq!(focus_selector(&form, 0), "#answer-0");
    }

    #[test]
    fn id_numbers_show_only_their_ends() {
        assert_eq!(masked_id_number("11010519491231002X"), "110***********002X");
        assert_eq!(masked_id_number("1234567"), "*******");
    }
}
