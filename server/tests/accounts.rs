//! Registration with invite codes, sign-in, sessions and preferences, over real HTTP.

mod common;

use common::{Backend, ELDERLY, OWNER, STAFF};
use linli_api::auth::{Locale, RegisterRequest, Role, SignInRequest, UpdatePreferences};
use linli_api::community::NewInvite;
use linli_api::ErrorCode;
use linli_server::seed::{DEMO_INVITE_CODE, DEMO_PASSWORD};

fn registration(code: &str, phone: &str) -> RegisterRequest {
    RegisterRequest {
        invite_code: code.into(),
        phone: phone.into(),
        name: "赵新邻".into(),
        password: "a good password".into(),
        accept_privacy_policy: true,
        locale: Some(Locale::ZhTw),
    }
}

async fn a_resident_registers_with_an_invite_code_and_lands_in_that_household(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let households = staff.households().await.unwrap();
    let target = households[4].household.clone();
    let invite = staff.create_invite(&NewInvite { household_id: target.id }).await.unwrap();
    assert!(invite.qr_svg.contains("<svg"));
    assert_eq!(invite.code.len(), 9, "shown as XXXX-XXXX: {}", invite.code);

    let typed = invite.code.to_lowercase().replace('-', " ");
    let session = app.client().register(&registration(&typed, "+86 136 0000 1234")).await.unwrap();
    assert_eq!(session.me.role, Role::Resident);
    assert_eq!(session.me.household, Some(target));
    assert_eq!(session.me.phone_masked, "136****1234");
    assert_eq!(session.me.preferences.locale, Locale::ZhTw);

    let signed_in = app.client().with_token(session.token);
    assert_eq!(signed_in.me().await.unwrap().name, "赵新邻");
    let again = staff.households().await.unwrap();
    assert_eq!(again[4].resident_count, households[4].resident_count + 1);
}

async fn registration_refuses_bad_codes_taken_phones_and_missing_consent(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let client = app.client();
    let users_before = app.count("users").await;

    let error = client.register(&registration("NOPE-NOPE", "13600001111")).await.unwrap_err();
    assert_eq!((error.status(), error.code(), error.field()), (Some(422), ErrorCode::InviteInvalid, Some("invite_code")));

    let error = client.register(&registration(DEMO_INVITE_CODE, OWNER)).await.unwrap_err();
    assert_eq!((error.status(), error.code(), error.field()), (Some(409), ErrorCode::PhoneTaken, Some("phone")));

    let mut no_consent = registration(DEMO_INVITE_CODE, "13600001111");
    no_consent.accept_privacy_policy = false;
    let error = client.register(&no_consent).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::ConsentRequired);

    assert_eq!(app.count("users").await, users_before, "no refused registration created an account");
    let (uses,): (i64,) = sqlx::query_as("SELECT uses FROM invites").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(uses, 0, "a refused registration does not use up the invite");
}

async fn an_expired_or_used_up_invite_no_longer_works(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    sqlx::query("UPDATE invites SET max_uses = 1").execute(&app.db().pool).await.unwrap();
    app.client().register(&registration(DEMO_INVITE_CODE, "13600000001")).await.unwrap();
    let error = app.client().register(&registration(DEMO_INVITE_CODE, "13600000002")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::InviteInvalid);

    sqlx::query("UPDATE invites SET max_uses = 100, expires_at = 0").execute(&app.db().pool).await.unwrap();
    let error = app.client().register(&registration(DEMO_INVITE_CODE, "13600000003")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::InviteInvalid);
}

async fn the_last_use_of_an_invite_goes_to_exactly_one_of_many_racing_registrations(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    sqlx::query("UPDATE invites SET max_uses = 3").execute(&app.db().pool).await.unwrap();
    let attempts = (0..12).map(|i| {
        let client = app.client();
        async move { client.register(&registration(DEMO_INVITE_CODE, &format!("1361234{i:04}"))).await }
    });
    let results = futures_util::future::join_all(attempts).await;
    let registered = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(registered, 3, "{results:?}");
    let refusals: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(refusals.iter().all(|e| e.code() == ErrorCode::InviteInvalid), "{refusals:?}");
    let (uses,): (i64,) = sqlx::query_as("SELECT uses FROM invites").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(uses, 3);
}

async fn sign_in_checks_the_password_and_sign_out_revokes_the_token(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let wrong = app.client().sign_in(&SignInRequest { phone: OWNER.into(), password: "not it at all".into() }).await;
    assert_eq!(wrong.unwrap_err().code(), ErrorCode::InvalidCredentials);
    let nobody = app.client().sign_in(&SignInRequest { phone: "13312345678".into(), password: DEMO_PASSWORD.into() }).await;
    assert_eq!(nobody.unwrap_err().code(), ErrorCode::InvalidCredentials, "unknown phones look the same");

    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.me().await.unwrap().role, Role::Resident);
    owner.sign_out().await.unwrap();
    let error = owner.me().await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(401), ErrorCode::Unauthenticated));
    let forged = app.client().with_token("forged-token");
    assert_eq!(forged.me().await.unwrap_err().code(), ErrorCode::Unauthenticated);
}

async fn an_expired_session_is_refused(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let owner = app.sign_in(OWNER).await;
    sqlx::query("UPDATE sessions SET expires_at = 1").execute(&app.db().pool).await.unwrap();
    assert_eq!(owner.me().await.unwrap_err().code(), ErrorCode::Unauthenticated);
}

async fn guessing_passwords_is_stopped_per_phone(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let guess = |password: &'static str| {
        let client = app.client();
        async move { client.sign_in(&SignInRequest { phone: ELDERLY.into(), password: password.into() }).await }
    };
    for _ in 0..5 {
        assert_eq!(guess("guess guess").await.unwrap_err().code(), ErrorCode::InvalidCredentials);
    }
    let blocked = guess("guess guess").await.unwrap_err();
    assert_eq!((blocked.status(), blocked.code()), (Some(429), ErrorCode::TooManyAttempts));
    let blocked_even_right = guess(DEMO_PASSWORD).await.unwrap_err();
    assert_eq!(blocked_even_right.code(), ErrorCode::TooManyAttempts, "the right password waits too");
    app.sign_in(OWNER).await; // another phone is not blocked
}

async fn elderly_mode_and_language_follow_the_account(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(ELDERLY).await;
    assert!(elderly.me().await.unwrap().preferences.elderly_mode, "the demo elder starts in elderly mode");
    let owner = app.sign_in(OWNER).await;
    let me = owner.update_preferences(&UpdatePreferences { elderly_mode: Some(true), locale: Some(Locale::En) }).await.unwrap();
    assert!(me.preferences.elderly_mode);
    let on_a_new_phone = app.sign_in(OWNER).await;
    let prefs = on_a_new_phone.me().await.unwrap().preferences;
    assert_eq!((prefs.elderly_mode, prefs.locale), (true, Locale::En));
    let me = on_a_new_phone.update_preferences(&UpdatePreferences { elderly_mode: Some(false), locale: None }).await.unwrap();
    assert_eq!((me.preferences.elderly_mode, me.preferences.locale), (false, Locale::En));
}

async fn only_staff_issue_invites_and_only_for_their_own_households(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(OWNER).await;
    assert_eq!(resident.households().await.unwrap_err().code(), ErrorCode::Forbidden);
    let mine = resident.me().await.unwrap().household.unwrap();
    assert_eq!(resident.create_invite(&NewInvite { household_id: mine.id }).await.unwrap_err().code(), ErrorCode::Forbidden);

    let (_, other_staff, _) = app.add_other_community().await;
    let other_staff = app.sign_in(&other_staff).await;
    let theirs = other_staff.households().await.unwrap();
    assert_eq!(theirs.len(), 1, "staff see only their own community's households");
    let error = other_staff.create_invite(&NewInvite { household_id: mine.id }).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(404), ErrorCode::NotFound));
}

on_both_databases!(
    a_resident_registers_with_an_invite_code_and_lands_in_that_household,
    registration_refuses_bad_codes_taken_phones_and_missing_consent,
    an_expired_or_used_up_invite_no_longer_works,
    the_last_use_of_an_invite_goes_to_exactly_one_of_many_racing_registrations,
    sign_in_checks_the_password_and_sign_out_revokes_the_token,
    an_expired_session_is_refused,
    guessing_passwords_is_stopped_per_phone,
    elderly_mode_and_language_follow_the_account,
    only_staff_issue_invites_and_only_for_their_own_households,
);
