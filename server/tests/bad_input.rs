//! Bad input on every endpoint gets a 4xx with a stable code and changes nothing.

mod common;

use common::{Backend, ADMIN, OWNER, STAFF};
use linli_api::notices::{NewNotice, NoticeCategory};
use reqwest::Method;
use serde_json::{json, Value};

/// The endpoints that take a JSON body, each with a body of the wrong types.
fn json_endpoints() -> Vec<(Method, &'static str, Value)> {
    vec![
        (Method::POST, "/auth/register", json!({"invite_code": 1, "phone": [], "name": null, "password": {}, "accept_privacy_policy": "yes"})),
        (Method::POST, "/auth/sign-in", json!({"phone": 13800000001u64, "password": "x"})),
        (Method::PATCH, "/me/preferences", json!({"elderly_mode": "very", "locale": "fr"})),
        (Method::POST, "/invites", json!({"household_id": "one"})),
        (Method::POST, "/notices", json!({"title": "t", "body_markdown": "b", "category": "gossip"})),
        (Method::POST, "/groceries/merchants", json!({"community_id": "one", "shop_name": 5, "phone": [], "accept_privacy_policy": 1})),
        (Method::POST, "/groceries/campaigns/1/standing", json!({"standing": "gone", "reason": 3})),
        (Method::POST, "/groceries/merchants/3/review", json!({"approve": "yes"})),
        (Method::POST, "/wishes", json!({"what": 5, "category": "cake", "wanted_by": "soon"})),
        (Method::POST, "/wishes/1/review", json!({"approve": "yes"})),
        (Method::POST, "/wishes/1/fulfil", json!({"note": [], "minutes": -1})),
        (Method::PUT, "/wishes/rules", json!({"claim_days": "a week"})),
        (Method::POST, "/services", json!({"name": 1, "needs_approval": "yes", "duration_minutes": -5, "hours": {}})),
        (Method::POST, "/services/1/bookings", json!({"slot_starts_at": "tomorrow", "answers": 3})),
        (Method::POST, "/services/1/queue/walk-ins", json!({"name": []})),
        (Method::PUT, "/services/rules", json!({"no_show_limit": "three"})),
        (Method::PUT, "/reports/rules", json!({"routes": [{"category": "ufo", "party": 3}], "reopen_days": "soon"})),
        (Method::POST, "/reports/1/resolve", json!({"note": 5, "photos": "all"})),
        (Method::POST, "/reports/1/reassign", json!({"party": "police", "note": 1})),
        (Method::POST, "/reports/1/merge", json!({"into": "the other one"})),
        (Method::PATCH, "/community/households/1", json!({"floor_area_centi_m2": "big", "owners": {"name": 1}})),
        (Method::POST, "/community/accounts", json!({"name": 1, "phone": [], "role": "king"})),
        (Method::POST, "/community/invites/sheet", json!({"building": "all", "after": 5})),
        (Method::POST, "/auth/reset-password", json!({"phone": 1, "code": [], "new_password": null})),
        (Method::POST, "/me/password", json!({"current_password": 1, "new_password": false})),
    ]
}

/// The administrator's endpoints that take a JSON body (staff are refused them by role).
fn admin_json_endpoints() -> Vec<(Method, &'static str, Value)> {
    vec![
        (Method::POST, "/admin/communities", json!({"name": [], "service_phone": 5})),
        (Method::POST, "/admin/communities/1/accounts", json!({"name": 1, "role": "king"})),
    ]
}

const TABLES: [&str; 34] = [
    "users", "sessions", "invites", "notices", "notice_reads", "audit_log", "merchants", "campaigns", "products", "orders", "order_lines",
    "delivery_batches", "wishes", "wish_claims", "wish_events", "wish_rules", "services", "service_slots", "bookings", "tickets",
    "case_events", "appointment_rules", "reports", "report_photos", "report_seconds", "report_events", "report_routes", "report_rules",
    "report_event_photos", "communities", "households", "household_owners", "reset_codes", "register_snapshots",
];

async fn snapshot(app: &common::TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        counts.push(app.count(table).await);
    }
    counts
}

fn assert_refused(what: &str, status: u16, body: &Value, expected_status: u16, expected_code: &str) {
    assert_eq!(status, expected_status, "{what}: {body}");
    assert_eq!(body["error"]["code"], expected_code, "{what}: {body}");
}

async fn malformed_wrongly_typed_unlabelled_and_oversized_bodies_are_refused(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let admin = app.sign_in(ADMIN).await;
    let before = snapshot(&app).await;
    let http = reqwest::Client::new();
    let endpoints = json_endpoints().into_iter().map(|endpoint| (&staff, endpoint));
    for (staff, (method, path, wrong_types)) in endpoints.chain(admin_json_endpoints().into_iter().map(|endpoint| (&admin, endpoint))) {
        let url = staff.url(path);
        let send = |body: Vec<u8>, content_type: Option<&str>| {
            let mut request = http.request(method.clone(), &url).bearer_auth(staff.token().unwrap()).body(body);
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            async move {
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                (status, response.json::<Value>().await.unwrap_or(Value::Null))
            }
        };
        let (status, body) = send(b"{\"title\": ".to_vec(), Some("application/json")).await;
        assert_refused(&format!("{path} malformed"), status, &body, 400, "malformed_body");

        let (status, body) = send(serde_json::to_vec(&wrong_types).unwrap(), Some("application/json")).await;
        assert_refused(&format!("{path} wrong types"), status, &body, 400, "malformed_body");
        assert!(body["error"]["field"].is_string(), "{path}: the field is named: {body}");

        let (status, body) = send(b"{}".to_vec(), Some("text/plain")).await;
        assert_refused(&format!("{path} not JSON"), status, &body, 415, "unsupported_media_type");

        let huge = serde_json::to_vec(&json!({ "title": "x".repeat(400 * 1024) })).unwrap();
        let (status, body) = send(huge, Some("application/json")).await;
        assert_refused(&format!("{path} oversized"), status, &body, 413, "payload_too_large");
    }
    assert_eq!(snapshot(&app).await, before, "nothing changed");
}

async fn unknown_and_malformed_ids_are_not_found(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let before = snapshot(&app).await;
    for id in ["999999", "abc", "99999999999999999999999", "-1", "1.5"] {
        for (method, path) in [
            (Method::GET, format!("/notices/{id}")),
            (Method::POST, format!("/notices/{id}/read")),
            (Method::GET, format!("/notices/{id}/reads")),
            (Method::GET, format!("/groceries/campaigns/{id}")),
            (Method::GET, format!("/groceries/campaigns/{id}/dashboard")),
            (Method::GET, format!("/groceries/campaigns/{id}/picking.csv")),
            (Method::POST, format!("/groceries/campaigns/{id}/close")),
            (Method::GET, format!("/wishes/{id}")),
            (Method::POST, format!("/wishes/{id}/release")),
            (Method::GET, format!("/services/{id}")),
            (Method::GET, format!("/services/{id}/slots")),
            (Method::GET, format!("/services/{id}/queue/display")),
            (Method::POST, format!("/services/{id}/queue/call-next")),
            (Method::GET, format!("/bookings/{id}")),
            (Method::POST, format!("/bookings/{id}/cancel")),
            (Method::POST, format!("/queue/tickets/{id}/served")),
            (Method::GET, format!("/reports/{id}")),
            (Method::POST, format!("/reports/{id}/me-too")),
            (Method::POST, format!("/reports/{id}/accept")),
            (Method::POST, format!("/reports/{id}/start")),
            (Method::GET, format!("/community/households/{id}")),
            (Method::POST, format!("/community/residents/{id}/move-out")),
            (Method::POST, format!("/community/accounts/{id}/disable")),
            (Method::POST, format!("/community/accounts/{id}/enable")),
            (Method::POST, format!("/community/accounts/{id}/reset-code")),
        ] {
            let (status, body) = staff.raw::<()>(method, &path, None).await.unwrap();
            assert_refused(&path, status, &body, 404, "not_found");
        }
    }
    let (status, body) = staff.raw(Method::POST, "/invites", Some(&json!({"household_id": 424242}))).await.unwrap();
    assert_refused("invite for a household that does not exist", status, &body, 404, "not_found");
    let (status, body) = staff.raw::<()>(Method::GET, "/no-such-route", None).await.unwrap();
    assert_refused("unknown route", status, &body, 404, "not_found");
    let (status, body) = staff.raw::<()>(Method::DELETE, "/notices", None).await.unwrap();
    assert_refused("wrong method", status, &body, 405, "method_not_allowed");
    assert_eq!(snapshot(&app).await, before);
}

async fn query_strings_and_fields_out_of_range_are_refused(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let before = snapshot(&app).await;
    for (query, status, code) in [
        ("limit=abc", 400, "invalid_query"),
        ("limit=-3", 400, "invalid_query"),
        ("after=abc", 400, "invalid_query"),
        ("after=1.2", 400, "invalid_query"),
        ("after=1.2.3.4", 400, "invalid_query"),
    ] {
        let (got, body) = staff.raw::<()>(Method::GET, &format!("/notices?{query}"), None).await.unwrap();
        assert_refused(query, got, &body, status, code);
    }
    let blank = NewNotice { title: "   ".into(), body_markdown: "b".into(), category: NoticeCategory::Activity, pinned: false, urgent: false, vote_id: None };
    let (status, body) = staff.raw(Method::POST, "/notices", Some(&blank)).await.unwrap();
    assert_refused("blank title", status, &body, 422, "field_required");
    assert_eq!(body["error"]["field"], "title");
    let (status, body) = staff.raw::<()>(Method::GET, "/events?ticket=", None).await.unwrap();
    assert_refused("empty ticket", status, &body, 401, "unauthenticated");
    let (status, body) = staff.raw::<()>(Method::GET, "/events", None).await.unwrap();
    assert_refused("no ticket", status, &body, 400, "invalid_query");
    assert_eq!(snapshot(&app).await, before);
}

async fn every_protected_endpoint_needs_a_session(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let anonymous = app.client();
    let body = json!({});
    for (method, path) in [
        (Method::POST, "/auth/sign-out"),
        (Method::GET, "/me"),
        (Method::PATCH, "/me/preferences"),
        (Method::GET, "/community/households"),
        (Method::POST, "/invites"),
        (Method::GET, "/notices"),
        (Method::POST, "/notices"),
        (Method::GET, "/notices/1"),
        (Method::POST, "/notices/1/read"),
        (Method::GET, "/notices/1/reads"),
        (Method::POST, "/events/ticket"),
        (Method::GET, "/community/buildings"),
        (Method::GET, "/groceries/campaigns"),
        (Method::POST, "/groceries/campaigns"),
        (Method::PUT, "/groceries/campaigns/1/order"),
        (Method::DELETE, "/groceries/campaigns/1/order"),
        (Method::GET, "/groceries/orders"),
        (Method::GET, "/groceries/buy-again"),
        (Method::POST, "/groceries/pickups"),
        (Method::GET, "/groceries/merchants"),
        (Method::GET, "/groceries/merchants/me"),
        (Method::GET, "/community/register"),
        (Method::GET, "/community/register.csv"),
        (Method::POST, "/community/invites/sheet"),
        (Method::POST, "/community/invites/sheet.csv"),
        (Method::POST, "/community/register/import"),
        (Method::GET, "/community/households/1"),
        (Method::PATCH, "/community/households/1"),
        (Method::POST, "/community/residents/1/move-out"),
        (Method::GET, "/community/accounts"),
        (Method::POST, "/community/accounts"),
        (Method::POST, "/community/accounts/1/disable"),
        (Method::POST, "/community/accounts/1/reset-code"),
        (Method::POST, "/me/password"),
        (Method::POST, "/auth/sign-out-everywhere"),
        (Method::GET, "/admin/communities"),
        (Method::POST, "/admin/communities"),
        (Method::POST, "/admin/communities/1/accounts"),
    ] {
        let (status, answer) = anonymous.raw(method.clone(), path, Some(&body)).await.unwrap();
        assert_refused(&format!("{method} {path}"), status, &answer, 401, "unauthenticated");
    }
    // A resident is refused the staff routes by role, not by a missing session.
    let resident = app.sign_in(OWNER).await;
    let (status, answer) = resident.raw::<()>(Method::GET, "/community/households", None).await.unwrap();
    assert_refused("resident on a staff route", status, &answer, 403, "forbidden");
    let staff = app.sign_in(STAFF).await;
    let (status, answer) = staff.raw::<()>(Method::GET, "/admin/communities", None).await.unwrap();
    assert_refused("staff on the administrator's route", status, &answer, 403, "forbidden");
}

on_both_databases!(
    malformed_wrongly_typed_unlabelled_and_oversized_bodies_are_refused,
    unknown_and_malformed_ids_are_not_found,
    query_strings_and_fields_out_of_range_are_refused,
    every_protected_endpoint_needs_a_session,
);
