//! The checks of what people type, shared by the app's forms (which answer at once,
//! without a round trip) and the server (which never trusts the app). One implementation,
//! so the two can never disagree.

use crate::auth::limits::{INVITE_CODE_MAX_CHARS, NAME_MAX_CHARS, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::auth::RegisterRequest;
use crate::error::{ApiError, ErrorCode};
use crate::family::{FamilyRegisterRequest, Grant};
use crate::notices::limits::{BODY_MAX_CHARS, TITLE_MAX_CHARS};
use crate::notices::{NewNotice, NoticeCategory};
use crate::phone::PhoneNumber;
use crate::topics::{self, NewComment, NewTopic, ProposalRules};
use crate::ids::UploadId;

/// Trims a required text field and checks its length in characters.
pub fn required_text(raw: &str, max_chars: usize, field: &str) -> Result<String, ApiError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, field));
    }
    if text.chars().count() > max_chars {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, field));
    }
    Ok(text.to_owned())
}

pub fn phone(raw: &str) -> Result<PhoneNumber, ApiError> {
    if raw.trim().is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "phone"));
    }
    PhoneNumber::parse(raw).ok_or(ApiError::on_field(ErrorCode::InvalidPhone, "phone"))
}

/// A registration trimmed and with its phone number normalised, or the first bad field.
pub fn registration(request: &RegisterRequest) -> Result<RegisterRequest, ApiError> {
    let invite_code = required_text(&request.invite_code, INVITE_CODE_MAX_CHARS, "invite_code")?;
    let phone = phone(&request.phone)?;
    let name = required_text(&request.name, NAME_MAX_CHARS, "name")?;
    let length = request.password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        return Err(ApiError::on_field(ErrorCode::PasswordTooShort, "password"));
    }
    if length > PASSWORD_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, "password"));
    }
    if !request.accept_privacy_policy {
        return Err(ApiError::on_field(ErrorCode::ConsentRequired, "accept_privacy_policy"));
    }
    Ok(RegisterRequest { invite_code, phone: phone.into(), name, ..request.clone() })
}

/// A family member's registration: the same checks, the code named `code`.
pub fn family_registration(request: &FamilyRegisterRequest) -> Result<FamilyRegisterRequest, ApiError> {
    let as_resident = RegisterRequest {
        invite_code: request.code.clone(),
        phone: request.phone.clone(),
        name: request.name.clone(),
        password: request.password.clone(),
        accept_privacy_policy: request.accept_privacy_policy,
        locale: request.locale,
    };
    let checked = registration(&as_resident).map_err(|error| match error.field.as_deref() {
        Some("invite_code") => ApiError::on_field(error.code, "code"),
        _ => error,
    })?;
    Ok(FamilyRegisterRequest { code: checked.invite_code, phone: checked.phone, name: checked.name, ..request.clone() })
}

/// What a resident grants a family member: each at most once, in a stable order; a new
/// code must grant something.
pub fn grants(grants: &[Grant], at_least_one: bool) -> Result<Vec<Grant>, ApiError> {
    let mut grants = grants.to_vec();
    grants.sort();
    grants.dedup();
    if at_least_one && grants.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "grants"));
    }
    Ok(grants)
}

/// A notice trimmed, urgent when filed as urgent, or the first bad field.
pub fn new_notice(notice: &NewNotice) -> Result<NewNotice, ApiError> {
    Ok(NewNotice {
        title: required_text(&notice.title, TITLE_MAX_CHARS, "title")?,
        body_markdown: required_text(&notice.body_markdown, BODY_MAX_CHARS, "body_markdown")?,
        urgent: notice.urgent || notice.category == NoticeCategory::Urgent,
        ..notice.clone()
    })
}

/// Images attached to a topic or comment: at most [`topics::MAX_IMAGES`], each once.
pub fn images(images: &[UploadId]) -> Result<Vec<UploadId>, ApiError> {
    let distinct: std::collections::BTreeSet<_> = images.iter().collect();
    if images.len() > topics::MAX_IMAGES || distinct.len() != images.len() {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "images"));
    }
    Ok(images.to_vec())
}

pub fn new_topic(topic: &NewTopic) -> Result<NewTopic, ApiError> {
    let body = topic.body.trim();
    if body.chars().count() > topics::limits::BODY_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, "body"));
    }
    Ok(NewTopic {
        title: required_text(&topic.title, topics::limits::TITLE_MAX_CHARS, "title")?,
        body: body.to_owned(),
        images: images(&topic.images)?,
        vote: topic.vote.clone(),
    })
}

pub fn new_comment(comment: &NewComment) -> Result<NewComment, ApiError> {
    Ok(NewComment {
        body: required_text(&comment.body, topics::limits::COMMENT_MAX_CHARS, "body")?,
        reply_to: comment.reply_to,
        images: images(&comment.images)?,
    })
}

/// Why staff hid a comment, or what was done after a vote: required, bounded text.
pub fn hide_reason(reason: &str) -> Result<String, ApiError> {
    required_text(reason, topics::limits::REASON_MAX_CHARS, "reason")
}

pub fn follow_up(body: &str) -> Result<String, ApiError> {
    required_text(body, topics::limits::BODY_MAX_CHARS, "body")
}

/// Staff's proposal rules: between 1 and 10,000 households, 1 to 90 days each.
pub fn proposal_rules(rules: &ProposalRules) -> Result<ProposalRules, ApiError> {
    if !(1..=10_000).contains(&rules.support_households) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "support_households"));
    }
    if !(1..=90).contains(&rules.support_days) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "support_days"));
    }
    if !(1..=90).contains(&rules.vote_days) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "vote_days"));
    }
    Ok(*rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RegisterRequest {
        RegisterRequest {
            invite_code: " ab12-cd34 ".into(),
            phone: "138 0000 1111".into(),
            name: " 王阿姨 ".into(),
            password: "long enough".into(),
            accept_privacy_policy: true,
            locale: None,
        }
    }

    #[test]
    fn a_good_registration_is_trimmed_and_normalised() {
        let checked = registration(&request()).unwrap();
        assert_eq!((checked.invite_code.as_str(), checked.phone.as_str(), checked.name.as_str()), ("ab12-cd34", "13800001111", "王阿姨"));
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases: Vec<(fn(&mut RegisterRequest), ErrorCode, &str)> = vec![
            (|r| r.invite_code = "  ".into(), ErrorCode::FieldRequired, "invite_code"),
            (|r| r.phone = "".into(), ErrorCode::FieldRequired, "phone"),
            (|r| r.phone = "12345".into(), ErrorCode::InvalidPhone, "phone"),
            (|r| r.name = "".into(), ErrorCode::FieldRequired, "name"),
            (|r| r.name = "名".repeat(41), ErrorCode::FieldTooLong, "name"),
            (|r| r.password = "short".into(), ErrorCode::PasswordTooShort, "password"),
            (|r| r.password = "x".repeat(129), ErrorCode::FieldTooLong, "password"),
            (|r| r.accept_privacy_policy = false, ErrorCode::ConsentRequired, "accept_privacy_policy"),
        ];
        for (spoil, code, field) in cases {
            let mut bad = request();
            spoil(&mut bad);
            assert_eq!(registration(&bad), Err(ApiError::on_field(code, field)));
        }
    }

    #[test]
    fn a_family_registration_names_its_code_field() {
        let family = FamilyRegisterRequest {
            code: " ".into(),
            phone: "13800001111".into(),
            name: "小王".into(),
            password: "long enough".into(),
            accept_privacy_policy: true,
            locale: None,
        };
        assert_eq!(family_registration(&family), Err(ApiError::on_field(ErrorCode::FieldRequired, "code")));
        let good = FamilyRegisterRequest { code: " k7pm-4xq2 ".into(), ..family };
        assert_eq!(family_registration(&good).unwrap().code, "k7pm-4xq2");
    }

    #[test]
    fn grants_are_deduplicated_and_a_new_code_needs_one() {
        use Grant::*;
        assert_eq!(grants(&[VoteProxy, ReadNotices, VoteProxy], true), Ok(vec![ReadNotices, VoteProxy]));
        assert_eq!(grants(&[], true), Err(ApiError::on_field(ErrorCode::FieldRequired, "grants")));
        assert_eq!(grants(&[], false), Ok(vec![]));
    }

    #[test]
    fn a_password_counts_characters_not_bytes() {
        let mut r = request();
        r.password = "邻里邻里邻里邻里".into();
        assert!(registration(&r).is_ok());
    }

    #[test]
    fn notices_need_a_title_and_body_and_urgent_category_makes_them_urgent() {
        let notice = |title: &str, body: &str, category| NewNotice {
            title: title.into(),
            body_markdown: body.into(),
            category,
            pinned: false,
            urgent: false,
            vote_id: None,
        };
        assert!(new_notice(&notice("t", "b", NoticeCategory::Urgent)).unwrap().urgent);
        assert!(!new_notice(&notice(" t ", "b", NoticeCategory::Activity)).unwrap().urgent);
        let too_long = "长".repeat(TITLE_MAX_CHARS + 1);
        for (title, body, field, code) in [
            ("  ", "b", "title", ErrorCode::FieldRequired),
            (too_long.as_str(), "b", "title", ErrorCode::FieldTooLong),
            ("t", "\n", "body_markdown", ErrorCode::FieldRequired),
        ] {
            assert_eq!(new_notice(&notice(title, body, NoticeCategory::Government)), Err(ApiError::on_field(code, field)));
        }
    }

    #[test]
    fn topics_need_a_title_and_at_most_four_distinct_images() {
        let topic = |title: &str, images: Vec<i64>| NewTopic {
            title: title.into(),
            body: " 为什么 ".into(),
            images: images.into_iter().map(UploadId).collect(),
            vote: None,
        };
        assert_eq!(new_topic(&topic(" 加装电梯 ", vec![1, 2])).unwrap().title, "加装电梯");
        assert_eq!(new_topic(&topic(" ", vec![])), Err(ApiError::on_field(ErrorCode::FieldRequired, "title")));
        for bad in [vec![1, 2, 1], vec![1, 2, 3, 4, 5]] {
            assert_eq!(new_topic(&topic("t", bad)), Err(ApiError::on_field(ErrorCode::InvalidValue, "images")));
        }
    }

    #[test]
    fn comments_and_reasons_are_required_and_bounded() {
        let comment = |body: String| NewComment { body, reply_to: None, images: vec![] };
        assert_eq!(new_comment(&comment(" 同意 ".into())).unwrap().body, "同意");
        assert_eq!(new_comment(&comment("\n".into())), Err(ApiError::on_field(ErrorCode::FieldRequired, "body")));
        let long = "字".repeat(topics::limits::COMMENT_MAX_CHARS + 1);
        assert_eq!(new_comment(&comment(long)), Err(ApiError::on_field(ErrorCode::FieldTooLong, "body")));
        assert_eq!(hide_reason(""), Err(ApiError::on_field(ErrorCode::FieldRequired, "reason")));
    }

    #[test]
    fn proposal_rules_stay_in_range() {
        let good = ProposalRules::default();
        assert_eq!(proposal_rules(&good), Ok(good));
        let none = ProposalRules { support_households: 0, ..good };
        assert_eq!(proposal_rules(&none), Err(ApiError::on_field(ErrorCode::InvalidValue, "support_households")));
        let forever = ProposalRules { vote_days: 365, ..good };
        assert_eq!(proposal_rules(&forever), Err(ApiError::on_field(ErrorCode::InvalidValue, "vote_days")));
    }
}
