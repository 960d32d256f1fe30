//! The form as typed, and the service it becomes: checked in the order the form shows it, with
//! the server's own rules (`validate::appointments::new_service`) last. Errors name a row's
//! field by its place (`hours.2.closes`, `form.1.label`); here are their clearer sentences and
//! the input each is shown at.

use linli_api::appointments::{limits, NewService, Service};
use linli_api::validate::appointments as check;
use linli_api::{validate, ApiError, ErrorCode};

use super::fields::{check_field, FieldDraft};
use super::schedule::{check_day, check_hours, next_hours, HoursDraft};
use crate::appointments::staff::whole_number;
use crate::i18n::t_args;
use crate::layout::error_text;

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceDraft {
    pub name: String,
    pub description: String,
    pub documents: String,
    pub needs_approval: bool,
    pub duration: String,
    pub cancel_hours: String,
    pub queue_prefix: String,
    pub hours: Vec<HoursDraft>,
    /// `2026-10-01`, as a date input holds it.
    pub closed_days: Vec<String>,
    pub form: Vec<FieldDraft>,
}

impl ServiceDraft {
    /// A new service: half-hour slots on Monday morning, cancellable until two hours before,
    /// numbers A001, A002, …; no form yet.
    pub fn blank() -> Self {
        ServiceDraft {
            name: String::new(),
            description: String::new(),
            documents: String::new(),
            needs_approval: false,
            duration: "30".into(),
            cancel_hours: "2".into(),
            queue_prefix: "A".into(),
            hours: vec![next_hours(None)],
            closed_days: Vec::new(),
            form: Vec::new(),
        }
    }

    pub fn of(service: &Service) -> Self {
        ServiceDraft {
            name: service.name.clone(),
            description: service.description.clone(),
            documents: service.documents.clone(),
            needs_approval: service.needs_approval,
            duration: service.duration_minutes.to_string(),
            cancel_hours: service.cancel_hours.to_string(),
            queue_prefix: service.queue_prefix.clone(),
            hours: service.hours.iter().map(HoursDraft::of).collect(),
            closed_days: service.closed_days.iter().map(|day| day.to_string()).collect(),
            form: service.form.iter().map(FieldDraft::of).collect(),
        }
    }
}

/// The service to send, or the first thing wrong in the order the form shows it.
pub fn build_service(draft: &ServiceDraft) -> Result<NewService, ApiError> {
    let invalid = |field: &str| ApiError::on_field(ErrorCode::InvalidValue, field);
    let name = validate::required_text(&draft.name, limits::NAME_MAX_CHARS, "name")?;
    for (text, max, field) in [(&draft.description, limits::DESCRIPTION_MAX_CHARS, "description"), (&draft.documents, limits::DOCUMENTS_MAX_CHARS, "documents")] {
        if text.trim().chars().count() > max {
            return Err(ApiError::on_field(ErrorCode::FieldTooLong, field));
        }
    }
    let duration_minutes = whole_number(&draft.duration, "duration_minutes")?;
    if !(limits::MIN_DURATION_MINUTES..=limits::MAX_DURATION_MINUTES).contains(&duration_minutes) {
        return Err(invalid("duration_minutes"));
    }
    let cancel_hours = whole_number(&draft.cancel_hours, "cancel_hours")?;
    if cancel_hours > limits::MAX_CANCEL_HOURS {
        return Err(invalid("cancel_hours"));
    }
    // The shared rule, here too because the prefix is above the rows it would come after.
    let queue_prefix = draft.queue_prefix.trim().to_ascii_uppercase();
    if queue_prefix.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "queue_prefix"));
    }
    if queue_prefix.len() > limits::PREFIX_MAX_CHARS || !queue_prefix.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(invalid("queue_prefix"));
    }
    if draft.hours.is_empty() {
        return Err(invalid("hours"));
    }
    let hours = draft.hours.iter().enumerate().map(|(index, hours)| check_hours(index, hours, duration_minutes)).collect::<Result<Vec<_>, _>>()?;
    let closed_days = draft.closed_days.iter().enumerate().map(|(index, day)| check_day(index, day)).collect::<Result<Vec<_>, _>>()?;
    let form = draft.form.iter().enumerate().map(|(index, field)| check_field(index, field)).collect::<Result<Vec<_>, _>>()?;
    let service = NewService {
        name,
        description: draft.description.clone(),
        documents: draft.documents.clone(),
        form,
        needs_approval: draft.needs_approval,
        duration_minutes,
        hours,
        closed_days,
        cancel_hours,
        queue_prefix,
    };
    // What is left for it once every row passed its own checks: two rows that overlap.
    check::new_service(&service)
}

/// A clearer sentence than the generic one for some fields' errors: its Fluent id.
pub fn editor_message(field: &str, code: ErrorCode) -> Option<&'static str> {
    let place: Vec<&str> = field.split('.').collect();
    match (place.as_slice(), code) {
        (["duration_minutes"], ErrorCode::InvalidValue) => Some("staff-editor-duration-invalid"),
        (["cancel_hours"], ErrorCode::InvalidValue) => Some("staff-editor-cancel-invalid"),
        (["queue_prefix"], ErrorCode::InvalidValue) => Some("staff-editor-prefix-invalid"),
        (["hours"], ErrorCode::InvalidValue) => Some("staff-hours-invalid"),
        (["closed_days"], ErrorCode::InvalidValue) => Some("staff-days-invalid"),
        (["form"], ErrorCode::InvalidValue) => Some("staff-fields-invalid"),
        // A row of opening hours that passed its own checks overlaps another of its weekday.
        (["hours", _], ErrorCode::InvalidValue) => Some("staff-hours-overlap"),
        (["hours", _, "closes"], ErrorCode::InvalidValue) => Some("staff-hours-too-short"),
        (["hours", _, "capacity"], ErrorCode::InvalidValue) => Some("staff-hours-capacity-invalid"),
        (["form", _, "options"], ErrorCode::InvalidValue) => Some("staff-field-options-invalid"),
        _ => None,
    }
}

/// The sentence for an error about `field`, in the current locale.
pub fn error_sentence(field: &str, code: ErrorCode) -> String {
    match editor_message(field, code) {
        Some(id) => t_args(id, &[
            ("min", limits::MIN_DURATION_MINUTES.into()),
            ("max", limits::MAX_DURATION_MINUTES.into()),
            ("hours", limits::MAX_CANCEL_HOURS.into()),
            ("places", limits::MAX_CAPACITY.into()),
            ("rows", limits::MAX_HOURS.into()),
            ("days", limits::MAX_CLOSED_DAYS.into()),
            ("fields", limits::MAX_FIELDS.into()),
            ("options", limits::MAX_OPTIONS.into()),
        ]),
        None => error_text(code),
    }
}

/// Whether an error names a field of one of the repeated rows (`hours.2`, `form.1.label`).
pub fn in_a_row(field: &str) -> bool {
    field.contains('.')
}

/// The element to focus for an error about `field`: its input, or its section's heading.
pub fn input_id(field: &str) -> String {
    let place: Vec<&str> = field.split('.').collect();
    match place.as_slice() {
        ["hours", index] => format!("hours-opens-{index}"),
        ["hours", index, part] => format!("hours-{part}-{index}"),
        ["closed_days", index] => format!("closed-day-{index}"),
        ["form", index, part] => format!("form-field-{part}-{index}"),
        [top] => match *top {
            "name" => "service-name",
            "description" => "service-description",
            "documents" => "service-documents",
            "duration_minutes" => "service-duration",
            "cancel_hours" => "service-cancel-hours",
            "queue_prefix" => "service-queue-prefix",
            "hours" => "hours-heading",
            "closed_days" => "closed-days-heading",
            "form" => "form-fields-heading",
            _ => "service-form",
        }
        .to_owned(),
        _ => "service-form".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::rows::wrong_id;
    use super::*;
    use linli_api::appointments::FieldKind;
    use linli_api::ids::ServiceId;

    fn draft() -> ServiceDraft {
        ServiceDraft {
            name: " 居住证明开具 ".into(),
            documents: "身份证".into(),
            duration: "20".into(),
            cancel_hours: "１".into(),
            queue_prefix: " b ".into(),
            hours: vec![
                HoursDraft { weekday: 1, opens: "09:00".into(), closes: "11:30".into(), capacity: "2".into() },
                HoursDraft { weekday: 1, opens: "14:00".into(), closes: "17:00".into(), capacity: "2".into() },
            ],
            closed_days: vec!["2026-10-01".into()],
            form: vec![FieldDraft { label: "用途".into(), kind: FieldKind::SingleChoice, required: true, options: "落户\n\n 入学 \n".into() }],
            ..ServiceDraft::blank()
        }
    }

    fn field_of(spoil: fn(&mut ServiceDraft)) -> Option<String> {
        let mut bad = draft();
        spoil(&mut bad);
        build_service(&bad).unwrap_err().field
    }

    #[test]
    fn a_complete_form_is_a_service_the_shared_rules_accept() {
        let service = build_service(&draft()).unwrap();
        assert_eq!((service.name.as_str(), service.queue_prefix.as_str()), ("居住证明开具", "B"));
        assert_eq!((service.duration_minutes, service.cancel_hours), (20, 1));
        assert_eq!(service.hours[1].closes.to_string(), "17:00:00");
        assert_eq!(service.closed_days[0].to_string(), "2026-10-01");
        assert_eq!(service.form[0].options, ["落户", "入学"], "one option per line, blank lines dropped");
    }

    #[test]
    fn the_first_wrong_thing_is_named_in_the_forms_order() {
        assert_eq!(field_of(|d| d.name = " ".into()).as_deref(), Some("name"));
        assert_eq!(field_of(|d| d.documents = "证".repeat(limits::DOCUMENTS_MAX_CHARS + 1)).as_deref(), Some("documents"));
        assert_eq!(field_of(|d| d.duration = "4".into()).as_deref(), Some("duration_minutes"));
        assert_eq!(field_of(|d| d.cancel_hours = "半天".into()).as_deref(), Some("cancel_hours"));
        assert_eq!(field_of(|d| d.queue_prefix = "A1".into()).as_deref(), Some("queue_prefix"));
        assert_eq!(field_of(|d| d.hours.clear()).as_deref(), Some("hours"));
        assert_eq!(field_of(|d| d.hours[1].opens = "".into()).as_deref(), Some("hours.1.opens"));
        assert_eq!(field_of(|d| d.hours[0].closes = "09:10".into()).as_deref(), Some("hours.0.closes"), "shorter than a slot");
        assert_eq!(field_of(|d| d.hours[1].capacity = "0".into()).as_deref(), Some("hours.1.capacity"));
        assert_eq!(field_of(|d| d.hours[1].opens = "11:00".into()).as_deref(), Some("hours.1"), "overlaps the morning");
        assert_eq!(field_of(|d| d.closed_days[0] = "".into()).as_deref(), Some("closed_days.0"));
        assert_eq!(field_of(|d| d.form[0].label = "".into()).as_deref(), Some("form.0.label"));
        assert_eq!(field_of(|d| d.form[0].options = "\n ".into()).as_deref(), Some("form.0.options"));
    }

    #[test]
    fn each_error_is_shown_at_its_input() {
        assert_eq!(input_id("hours.2.closes"), "hours-closes-2");
        assert_eq!(input_id("hours.2"), "hours-opens-2");
        assert_eq!(input_id("form.1.label"), "form-field-label-1");
        assert_eq!(input_id("form.0.options"), "form-field-options-0");
        assert_eq!(input_id("closed_days.3"), "closed-day-3");
        assert_eq!(input_id("queue_prefix"), "service-queue-prefix");
        assert_eq!(input_id(""), "service-form");
        assert_eq!(wrong_id("hours.2.closes"), "hours-2-closes-error");
        assert!(in_a_row("form.1.label") && !in_a_row("form"));
    }

    #[test]
    fn some_errors_get_a_clearer_sentence() {
        assert_eq!(editor_message("hours.1", ErrorCode::InvalidValue), Some("staff-hours-overlap"));
        assert_eq!(editor_message("hours.1.closes", ErrorCode::InvalidValue), Some("staff-hours-too-short"));
        assert_eq!(editor_message("form.3.options", ErrorCode::InvalidValue), Some("staff-field-options-invalid"));
        assert_eq!(editor_message("hours.1.opens", ErrorCode::FieldRequired), None);
        assert_eq!(editor_message("name", ErrorCode::FieldTooLong), None);
    }

    #[test]
    fn a_saved_service_reads_back_as_the_same_form() {
        let service = build_service(&draft()).unwrap();
        let saved = Service {
            id: ServiceId(1),
            name: service.name.clone(),
            description: service.description.clone(),
            documents: service.documents.clone(),
            form: service.form.clone(),
            needs_approval: service.needs_approval,
            duration_minutes: service.duration_minutes,
            hours: service.hours.clone(),
            closed_days: service.closed_days.clone(),
            cancel_hours: service.cancel_hours,
            queue_prefix: service.queue_prefix.clone(),
            desk_code: Some("K7PM-4XQ2".into()),
            desk_qr_svg: None,
        };
        assert_eq!(build_service(&ServiceDraft::of(&saved)).unwrap(), service);
    }
}
