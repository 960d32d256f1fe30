//! The checks of services, bookings' forms, ratings and the booking rules.

use chrono::NaiveDate;

use super::{optional_text, phone, required_text};
use crate::appointments::{limits, Answer, AppointmentRules, FieldKind, FormField, NewService, Rating, WalkIn, WeeklyHours};
use crate::error::{ApiError, ErrorCode};

fn invalid(field: impl Into<String>) -> ApiError {
    ApiError::on_field(ErrorCode::InvalidValue, field)
}

/// A resident identity card number (GB 11643-1999): 17 digits whose first eight after the
/// region code are a real birth date, then a check character (a digit or X) that the
/// weighted sum of the others decides. Returned with a capital X.
pub fn id_number(raw: &str) -> Option<String> {
    let number = raw.trim().to_ascii_uppercase();
    let bytes = number.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return None;
    }
    NaiveDate::parse_from_str(&number[6..14], "%Y%m%d").ok()?;
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = bytes[..17].iter().zip(WEIGHTS).map(|(digit, weight)| u32::from(digit - b'0') * weight).sum();
    (bytes[17] == CHECK[(sum % 11) as usize]).then_some(number)
}

/// A number as typed: an optional sign, digits, at most one decimal point.
fn number(raw: &str) -> Option<String> {
    let text = raw.trim();
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let mut parts = unsigned.split('.');
    let whole = parts.next()?;
    let fraction = parts.next();
    let digits = |part: &str| !part.is_empty() && part.len() <= 15 && part.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && digits(whole) && fraction.is_none_or(digits)).then(|| text.to_owned())
}

fn form_field(field: &FormField, index: usize) -> Result<FormField, ApiError> {
    let label = required_text(&field.label, limits::LABEL_MAX_CHARS, &format!("form.{index}.label"))?;
    let options = if field.kind.has_options() {
        if field.options.is_empty() || field.options.len() > limits::MAX_OPTIONS {
            return Err(invalid(format!("form.{index}.options")));
        }
        field
            .options
            .iter()
            .map(|option| required_text(option, limits::OPTION_MAX_CHARS, &format!("form.{index}.options")))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    Ok(FormField { label, options, ..field.clone() })
}

fn hours(hours: &[WeeklyHours], duration_minutes: u32) -> Result<(), ApiError> {
    if hours.is_empty() || hours.len() > limits::MAX_HOURS {
        return Err(invalid("hours"));
    }
    for (index, block) in hours.iter().enumerate() {
        let long_enough = (block.closes - block.opens).num_minutes() >= i64::from(duration_minutes);
        if !(1..=7).contains(&block.weekday) || !long_enough || !(1..=limits::MAX_CAPACITY).contains(&block.capacity) {
            return Err(invalid(format!("hours.{index}")));
        }
    }
    // Two blocks of one weekday must not overlap, or one slot would be offered twice.
    for (index, block) in hours.iter().enumerate() {
        let overlaps = hours[..index].iter().any(|other| other.weekday == block.weekday && other.opens < block.closes && block.opens < other.closes);
        if overlaps {
            return Err(invalid(format!("hours.{index}")));
        }
    }
    Ok(())
}

/// A service as staff typed it, trimmed, or the first bad field.
pub fn new_service(service: &NewService) -> Result<NewService, ApiError> {
    let name = required_text(&service.name, limits::NAME_MAX_CHARS, "name")?;
    let description = optional_text(&service.description, limits::DESCRIPTION_MAX_CHARS, "description")?;
    let documents = optional_text(&service.documents, limits::DOCUMENTS_MAX_CHARS, "documents")?;
    if service.form.len() > limits::MAX_FIELDS {
        return Err(invalid("form"));
    }
    let form = service.form.iter().enumerate().map(|(index, field)| form_field(field, index)).collect::<Result<Vec<_>, _>>()?;
    if !(limits::MIN_DURATION_MINUTES..=limits::MAX_DURATION_MINUTES).contains(&service.duration_minutes) {
        return Err(invalid("duration_minutes"));
    }
    hours(&service.hours, service.duration_minutes)?;
    let mut closed_days = service.closed_days.clone();
    closed_days.sort();
    closed_days.dedup();
    if closed_days.len() > limits::MAX_CLOSED_DAYS {
        return Err(invalid("closed_days"));
    }
    if service.cancel_hours > limits::MAX_CANCEL_HOURS {
        return Err(invalid("cancel_hours"));
    }
    let prefix = service.queue_prefix.trim().to_ascii_uppercase();
    if prefix.is_empty() || prefix.len() > limits::PREFIX_MAX_CHARS || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(invalid("queue_prefix"));
    }
    Ok(NewService { name, description, documents, form, closed_days, queue_prefix: prefix, ..service.clone() })
}

/// A form's answers checked against its fields: one per field, each of its field's kind, the
/// required ones given. Errors name `answers.N`.
pub fn answers(form: &[FormField], answers: &[Option<Answer>]) -> Result<Vec<Option<Answer>>, ApiError> {
    if answers.len() != form.len() {
        return Err(invalid("answers"));
    }
    form.iter().zip(answers).enumerate().map(|(index, (field, answer))| answer_to(field, answer.as_ref(), index)).collect()
}

fn answer_to(field: &FormField, answer: Option<&Answer>, index: usize) -> Result<Option<Answer>, ApiError> {
    let at = format!("answers.{index}");
    let blank = match answer {
        None => true,
        Some(Answer::Text(text) | Answer::Number(text) | Answer::Phone(text) | Answer::IdNumber(text)) => text.trim().is_empty(),
        Some(Answer::MultipleChoice(chosen)) => chosen.is_empty(),
        Some(_) => false,
    };
    if blank {
        return if field.required { Err(ApiError::on_field(ErrorCode::FieldRequired, at)) } else { Ok(None) };
    }
    let option = |chosen: u32| (chosen as usize) < field.options.len();
    let checked = match (field.kind, answer.expect("not blank")) {
        (FieldKind::Text, Answer::Text(text)) => Answer::Text(required_text(text, limits::ANSWER_MAX_CHARS, &at)?),
        (FieldKind::Number, Answer::Number(text)) => Answer::Number(number(text).ok_or_else(|| invalid(&at))?),
        (FieldKind::Date, Answer::Date(date)) => Answer::Date(*date),
        (FieldKind::SingleChoice, Answer::SingleChoice(chosen)) if option(*chosen) => Answer::SingleChoice(*chosen),
        (FieldKind::MultipleChoice, Answer::MultipleChoice(chosen)) if chosen.iter().all(|c| option(*c)) => {
            let mut chosen = chosen.clone();
            chosen.sort_unstable();
            chosen.dedup();
            Answer::MultipleChoice(chosen)
        }
        (FieldKind::Phone, Answer::Phone(text)) => {
            Answer::Phone(phone(text).map_err(|error| ApiError::on_field(error.code, &at))?.into())
        }
        (FieldKind::IdNumber, Answer::IdNumber(text)) => {
            Answer::IdNumber(id_number(text).ok_or_else(|| ApiError::on_field(ErrorCode::InvalidIdNumber, &at))?)
        }
        (FieldKind::Image, Answer::Image(upload)) => Answer::Image(*upload),
        _ => return Err(invalid(at)),
    };
    Ok(Some(checked))
}

pub fn rating(rating: &Rating) -> Result<Rating, ApiError> {
    if !(1..=5).contains(&rating.stars) {
        return Err(invalid("stars"));
    }
    Ok(Rating { stars: rating.stars, comment: optional_text(&rating.comment, limits::COMMENT_MAX_CHARS, "comment")? })
}

pub fn walk_in(walk_in: &WalkIn) -> Result<WalkIn, ApiError> {
    Ok(WalkIn { name: required_text(&walk_in.name, limits::WALK_IN_NAME_MAX_CHARS, "name")? })
}

pub fn rules(rules: &AppointmentRules) -> Result<AppointmentRules, ApiError> {
    if !(1..=20).contains(&rules.no_show_limit) {
        return Err(invalid("no_show_limit"));
    }
    if !(1..=365).contains(&rules.window_days) {
        return Err(invalid("window_days"));
    }
    if !(1..=365).contains(&rules.pause_days) {
        return Err(invalid("pause_days"));
    }
    Ok(*rules)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    #[test]
    fn identity_numbers_need_a_real_birth_date_and_the_right_check_character() {
        // The standard's own example.
        assert_eq!(id_number("11010519491231002X").as_deref(), Some("11010519491231002X"));
        assert_eq!(id_number(" 11010519491231002x ").as_deref(), Some("11010519491231002X"), "a small x is the same");
        assert_eq!(id_number("110105194912310021"), None, "wrong check character");
        assert_eq!(id_number("110105194902300024"), None, "30 February");
        assert_eq!(id_number("1101051949123100"), None, "too short");
        assert_eq!(id_number("11010519491231002Y"), None);
        assert_eq!(id_number("440524188001010014").as_deref(), Some("440524188001010014"));
    }

    #[test]
    fn numbers_are_digits_with_one_point_and_an_optional_sign() {
        for good in ["3", "-2", "72.5", " 180 "] {
            assert!(number(good).is_some(), "{good}");
        }
        for bad in ["", "1.2.3", "abc", "1e5", ".5", "5.", "--1"] {
            assert!(number(bad).is_none(), "{bad}");
        }
    }

    fn at(hour: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap()
    }

    fn service() -> NewService {
        NewService {
            name: " 养老资格认证 ".into(),
            description: "".into(),
            documents: "身份证、户口本".into(),
            form: vec![
                FormField { label: "身份证号".into(), kind: FieldKind::IdNumber, required: true, options: vec![] },
                FormField { label: "办理方式".into(), kind: FieldKind::SingleChoice, required: false, options: vec!["本人".into(), "代办".into()] },
            ],
            needs_approval: true,
            duration_minutes: 30,
            hours: vec![WeeklyHours { weekday: 1, opens: at(9), closes: at(11), capacity: 3 }],
            closed_days: vec![],
            cancel_hours: 2,
            queue_prefix: "a".into(),
        }
    }

    #[test]
    fn a_service_is_trimmed_and_its_prefix_is_capital_letters() {
        let checked = new_service(&service()).unwrap();
        assert_eq!((checked.name.as_str(), checked.queue_prefix.as_str()), ("养老资格认证", "A"));
        for prefix in ["", "ABC", "1", "甲"] {
            assert_eq!(new_service(&NewService { queue_prefix: prefix.into(), ..service() }).unwrap_err().field.as_deref(), Some("queue_prefix"));
        }
    }

    #[test]
    fn opening_hours_fit_a_slot_and_never_overlap() {
        let short = NewService { hours: vec![WeeklyHours { weekday: 1, opens: at(9), closes: at(9), capacity: 3 }], ..service() };
        assert_eq!(new_service(&short).unwrap_err().field.as_deref(), Some("hours.0"));
        let sunday_eight = NewService { hours: vec![WeeklyHours { weekday: 8, opens: at(9), closes: at(10), capacity: 3 }], ..service() };
        assert!(new_service(&sunday_eight).is_err());
        let overlapping = NewService {
            hours: vec![
                WeeklyHours { weekday: 2, opens: at(9), closes: at(12), capacity: 3 },
                WeeklyHours { weekday: 2, opens: at(11), closes: at(14), capacity: 3 },
            ],
            ..service()
        };
        assert_eq!(new_service(&overlapping).unwrap_err().field.as_deref(), Some("hours.1"));
        let no_options = NewService { form: vec![FormField { label: "x".into(), kind: FieldKind::MultipleChoice, required: true, options: vec![] }], ..service() };
        assert_eq!(new_service(&no_options).unwrap_err().field.as_deref(), Some("form.0.options"));
    }

    #[test]
    fn answers_follow_their_fields() {
        let form = new_service(&service()).unwrap().form;
        let good = [Some(Answer::IdNumber("11010519491231002x".into())), None];
        assert_eq!(answers(&form, &good).unwrap()[0], Some(Answer::IdNumber("11010519491231002X".into())));
        let missing = [None, Some(Answer::SingleChoice(1))];
        assert_eq!(answers(&form, &missing).unwrap_err(), ApiError::on_field(ErrorCode::FieldRequired, "answers.0"));
        let bad_id = [Some(Answer::IdNumber("110105194912310021".into())), None];
        assert_eq!(answers(&form, &bad_id).unwrap_err(), ApiError::on_field(ErrorCode::InvalidIdNumber, "answers.0"));
        let no_such_option = [good[0].clone(), Some(Answer::SingleChoice(2))];
        assert_eq!(answers(&form, &no_such_option).unwrap_err().field.as_deref(), Some("answers.1"));
        let wrong_kind = [Some(Answer::Text("11010519491231002X".into())), None];
        assert_eq!(answers(&form, &wrong_kind).unwrap_err().field.as_deref(), Some("answers.0"));
        assert_eq!(answers(&form, &good[..1]).unwrap_err().field.as_deref(), Some("answers"), "one answer per field");
    }

    #[test]
    fn ratings_are_one_to_five_stars() {
        assert!(rating(&Rating { stars: 5, comment: " 很快 ".into() }).is_ok_and(|r| r.comment == "很快"));
        for stars in [0, 6] {
            assert!(rating(&Rating { stars, comment: String::new() }).is_err());
        }
    }
}
