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
use crate::groceries::{self, limits, MerchantApplication, NewCampaign, NewProduct};
use chrono::{DateTime, Duration, Utc};

pub mod admin;
pub mod appointments;
pub mod reports;
pub mod wishes;

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

/// Trims a text that may be left empty and checks its length in characters.
pub fn optional_text(raw: &str, max_chars: usize, field: &str) -> Result<String, ApiError> {
    let text = raw.trim();
    if text.chars().count() > max_chars {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, field));
    }
    Ok(text.to_owned())
}

/// A password someone chooses: 8 to 128 characters.
pub fn new_password(password: &str, field: &str) -> Result<(), ApiError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        return Err(ApiError::on_field(ErrorCode::PasswordTooShort, field));
    }
    if length > PASSWORD_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, field));
    }
    Ok(())
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
    new_password(&request.password, "password")?;
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

// --- group buying ----------------------------------------------------------------

/// A merchant's campaign checked and trimmed, or the first bad field.
pub fn new_campaign(campaign: &NewCampaign, now: DateTime<Utc>) -> Result<NewCampaign, ApiError> {
    let invalid = |field: &str| ApiError::on_field(ErrorCode::InvalidValue, field);
    let title = required_text(&campaign.title, limits::TITLE_MAX_CHARS, "title")?;
    let description = campaign.description.trim().to_owned();
    if description.chars().count() > limits::DESCRIPTION_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, "description"));
    }
    if campaign.products.is_empty() || campaign.products.len() > limits::MAX_PRODUCTS {
        return Err(invalid("products"));
    }
    let products = campaign.products.iter().map(new_product).collect::<Result<Vec<_>, _>>()?;
    if !(1..=limits::MAX_MIN_HOUSEHOLDS).contains(&campaign.min_households) {
        return Err(invalid("min_households"));
    }
    if campaign.cut_off <= now || campaign.cut_off > now + Duration::days(limits::MAX_CUT_OFF_DAYS) {
        return Err(invalid("cut_off"));
    }
    let pickup_point = match campaign.pickup_point.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(point) => Some(required_text(point, limits::PICKUP_POINT_MAX_CHARS, "pickup_point")?),
    };
    if campaign.batches.len() > limits::MAX_BATCHES {
        return Err(invalid("batches"));
    }
    // Deliveries come after the cut-off (the merchant must know what to bring) and take time.
    if campaign.batches.iter().any(|batch| batch.window_start < campaign.cut_off || batch.window_end <= batch.window_start) {
        return Err(invalid("batches"));
    }
    if pickup_point.is_none() && campaign.batches.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "pickup_point"));
    }
    Ok(NewCampaign { title, description, products, pickup_point, ..campaign.clone() })
}

fn new_product(product: &NewProduct) -> Result<NewProduct, ApiError> {
    let invalid = |field: &str| ApiError::on_field(ErrorCode::InvalidValue, field);
    let name = required_text(&product.name, limits::PRODUCT_NAME_MAX_CHARS, "products.name")?;
    let unit = required_text(&product.unit, limits::UNIT_MAX_CHARS, "products.unit")?;
    if !(1..=limits::MAX_PRICE_FEN).contains(&product.price_fen) {
        return Err(invalid("products.price_fen"));
    }
    if !(1..=limits::MAX_STOCK).contains(&product.stock) {
        return Err(invalid("products.stock"));
    }
    if !(1..=product.stock).contains(&product.per_household_limit) {
        return Err(invalid("products.per_household_limit"));
    }
    Ok(NewProduct { name, unit, ..product.clone() })
}

/// A merchant's application trimmed and normalised, or the first bad field: the same
/// checks as a resident's registration, plus the shop's name.
pub fn merchant_application(application: &MerchantApplication) -> Result<MerchantApplication, ApiError> {
    let as_registration = RegisterRequest {
        invite_code: "-".into(),
        phone: application.phone.clone(),
        name: application.contact_name.clone(),
        password: application.password.clone(),
        accept_privacy_policy: application.accept_privacy_policy,
        locale: application.locale,
    };
    let shop_name = required_text(&application.shop_name, limits::SHOP_NAME_MAX_CHARS, "shop_name")?;
    let checked = registration(&as_registration).map_err(|error| match error.field.as_deref() {
        Some("name") => ApiError::on_field(error.code, "contact_name"),
        _ => error,
    })?;
    Ok(MerchantApplication { shop_name, contact_name: checked.name, phone: checked.phone, ..application.clone() })
}

/// A refusal or a pause needs its reason; an approval or a resumption takes none.
pub fn reason(reason: Option<&str>, needed: bool) -> Result<Option<String>, ApiError> {
    match reason.map(str::trim).filter(|reason| !reason.is_empty()) {
        None if needed => Err(ApiError::on_field(ErrorCode::FieldRequired, "reason")),
        None => Ok(None),
        Some(reason) => required_text(reason, limits::REASON_MAX_CHARS, "reason").map(Some),
    }
}

/// A pickup code as typed or scanned: its eight digits.
pub fn pickup_code(typed: &str) -> Result<String, ApiError> {
    if typed.chars().count() > limits::PICKUP_CODE_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::PickupCodeInvalid, "code"));
    }
    if typed.trim().is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "code"));
    }
    match groceries::normalise_pickup_code(typed) {
        code if code.len() != 8 => Err(ApiError::on_field(ErrorCode::PickupCodeInvalid, "code")),
        code => Ok(code),
    }
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

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    fn campaign() -> NewCampaign {
        NewCampaign {
            title: " 周末鸡蛋团 ".into(),
            description: String::new(),
            products: vec![NewProduct { name: " 土鸡蛋 ".into(), unit: "盒".into(), price_fen: 2_880, stock: 500, per_household_limit: 2, photo: None }],
            min_households: 10,
            cut_off: at(5, 20),
            pickup_point: Some("东门快递柜旁".into()),
            batches: vec![],
        }
    }

    #[test]
    fn a_good_campaign_is_trimmed() {
        let checked = new_campaign(&campaign(), at(1, 8)).unwrap();
        assert_eq!((checked.title.as_str(), checked.products[0].name.as_str()), ("周末鸡蛋团", "土鸡蛋"));
    }

    #[test]
    fn each_bad_campaign_field_is_named() {
        let field = |spoil: fn(&mut NewCampaign)| {
            let mut bad = campaign();
            spoil(&mut bad);
            new_campaign(&bad, at(1, 8)).unwrap_err().field
        };
        assert_eq!(field(|c| c.products.clear()).as_deref(), Some("products"));
        assert_eq!(field(|c| c.products[0].price_fen = 0).as_deref(), Some("products.price_fen"));
        assert_eq!(field(|c| c.products[0].per_household_limit = 501).as_deref(), Some("products.per_household_limit"));
        assert_eq!(field(|c| c.products[0].stock = -1).as_deref(), Some("products.stock"));
        assert_eq!(field(|c| c.min_households = 0).as_deref(), Some("min_households"));
        assert_eq!(field(|c| c.cut_off = at(1, 7)).as_deref(), Some("cut_off"), "in the past");
        assert_eq!(field(|c| c.pickup_point = None).as_deref(), Some("pickup_point"), "no way to get the goods");
        assert_eq!(
            field(|c| c.batches = vec![groceries::NewDeliveryBatch { building_id: crate::ids::BuildingId(1), window_start: at(5, 10), window_end: at(5, 12) }])
                .as_deref(),
            Some("batches"),
            "a delivery before the cut-off"
        );
    }

    #[test]
    fn a_merchant_application_names_its_own_fields() {
        let application = MerchantApplication {
            community_id: crate::ids::CommunityId(1),
            shop_name: " 鲜丰果蔬 ".into(),
            contact_name: "".into(),
            phone: "138 0000 2222".into(),
            password: "long enough".into(),
            accept_privacy_policy: true,
            locale: None,
        };
        assert_eq!(merchant_application(&application), Err(ApiError::on_field(ErrorCode::FieldRequired, "contact_name")));
        let good = merchant_application(&MerchantApplication { contact_name: "李老板".into(), ..application.clone() }).unwrap();
        assert_eq!((good.shop_name.as_str(), good.phone.as_str()), ("鲜丰果蔬", "13800002222"));
        let no_shop = MerchantApplication { shop_name: " ".into(), contact_name: "李老板".into(), ..application };
        assert_eq!(merchant_application(&no_shop), Err(ApiError::on_field(ErrorCode::FieldRequired, "shop_name")));
    }

    #[test]
    fn reasons_and_pickup_codes() {
        assert_eq!(reason(Some("  "), true), Err(ApiError::on_field(ErrorCode::FieldRequired, "reason")));
        assert_eq!(reason(None, false), Ok(None));
        assert_eq!(reason(Some(" 缺货 "), false), Ok(Some("缺货".into())));
        assert_eq!(pickup_code("1234-5678"), Ok("12345678".into()));
        assert_eq!(pickup_code("1234"), Err(ApiError::on_field(ErrorCode::PickupCodeInvalid, "code")));
        assert_eq!(pickup_code(""), Err(ApiError::on_field(ErrorCode::FieldRequired, "code")));
    }
}
