//! Registration with invite codes, sign-in, sessions and preferences, over real HTTP.

mod common;

use common::{Backend, ELDERLY, OWNER, STAFF};
use linli_api::admin::{ChangePassword, NewAccountRequest, ResetPassword};
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
    let households = common::every_household(&staff).await;
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
    let again = common::every_household(&staff).await;
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
    let building = app.sign_in(STAFF).await.buildings().await.unwrap()[0].id;
    assert_eq!(resident.households(building).await.unwrap_err().code(), ErrorCode::Forbidden);
    let mine = resident.me().await.unwrap().household.unwrap();
    assert_eq!(resident.create_invite(&NewInvite { household_id: mine.id }).await.unwrap_err().code(), ErrorCode::Forbidden);

    let (_, other_staff, _) = app.add_other_community().await;
    let other_staff = app.sign_in(&other_staff).await;
    let theirs = common::every_household(&other_staff).await;
    assert_eq!(theirs.len(), 1, "staff see only their own community's households");
    assert!(other_staff.households(building).await.unwrap().is_empty(), "another community's building has none for them");
    let error = other_staff.create_invite(&NewInvite { household_id: mine.id }).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(404), ErrorCode::NotFound));
}

async fn staff_open_disable_and_enable_accounts_and_a_disabled_one_is_signed_out_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let opened = staff
        .open_account(&NewAccountRequest { name: "孙物业".into(), phone: "13811112222".into(), role: Role::Property })
        .await
        .unwrap();
    assert_eq!(opened.code.len(), 9, "shown as 1234 5678: {}", opened.code);
    assert_eq!(opened.account.phone_masked, "138****2222");
    // Nobody can sign in before the setup code is used: the password is random.
    let session = app
        .client()
        .reset_password(&ResetPassword { phone: "13811112222".into(), code: opened.code.replace(' ', "-"), new_password: "物业的新密码123".into() })
        .await
        .unwrap();
    assert_eq!(session.me.role, Role::Property);
    let colleague = app.client().with_token(session.token);
    assert!(colleague.me().await.is_ok());

    let page = staff.accounts(None).await.unwrap();
    assert!(page.accounts.iter().any(|account| account.id == opened.account.id && !account.disabled));
    assert!(page.accounts.iter().all(|account| account.role != Role::Resident), "residents are in the register");

    let disabled = staff.disable_account(opened.account.id).await.unwrap();
    assert!(disabled.disabled);
    assert_eq!(colleague.me().await.unwrap_err().code(), ErrorCode::Unauthenticated, "signed out at once");
    let error = app.client().sign_in(&SignInRequest { phone: "13811112222".into(), password: "物业的新密码123".into() }).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::AccountDisabled));
    let error = app.client().sign_in(&SignInRequest { phone: "13811112222".into(), password: "a wrong guess".into() }).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidCredentials, "a wrong password learns nothing about the account");
    staff.enable_account(opened.account.id).await.unwrap();
    app.sign_in_with("13811112222", "物业的新密码123").await;

    // Not oneself, not the administrator, not a resident (they move out instead), not another community's.
    let me = staff.me().await.unwrap().id;
    assert_eq!(staff.disable_account(me).await.unwrap_err().code(), ErrorCode::Forbidden);
    let admin = app.sign_in(common::ADMIN).await.me().await.unwrap().id;
    assert_eq!(staff.disable_account(admin).await.unwrap_err().code(), ErrorCode::Forbidden);
    let resident = app.sign_in(OWNER).await.me().await.unwrap().id;
    assert_eq!(staff.disable_account(resident).await.unwrap_err().code(), ErrorCode::Forbidden);
    let (_, other_staff, _) = app.add_other_community().await;
    let other_staff = app.sign_in(&other_staff).await;
    assert_eq!(other_staff.disable_account(opened.account.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(other_staff.reset_code(resident).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(other_staff.accounts(None).await.unwrap().accounts.iter().all(|account| account.id != opened.account.id));
    let error = staff.open_account(&NewAccountRequest { name: "x".into(), phone: OWNER.into(), role: Role::Staff }).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::PhoneTaken);
    let error = staff.open_account(&NewAccountRequest { name: "x".into(), phone: "13811113333".into(), role: Role::Admin }).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::InvalidValue, Some("role")));
    let resident = app.sign_in(OWNER).await;
    assert_eq!(resident.accounts(None).await.unwrap_err().code(), ErrorCode::Forbidden);
}

async fn a_reset_code_works_once_and_only_for_a_while(backend: Backend) {
    let clock = common::TestClock::default();
    // Room for the steps below within a minute; the limit itself is tried at the end.
    let Some(app) = common::spawn_with_clock_and(backend, &clock, |config| config.sign_in_per_phone = 8).await else { return };
    let staff = app.sign_in(STAFF).await;
    let elderly = app.sign_in(ELDERLY).await;
    let elderly_id = elderly.me().await.unwrap().id;
    let reset = |code: &str, password: &str| ResetPassword { phone: ELDERLY.into(), code: code.into(), new_password: password.into() };

    let first = staff.reset_code(elderly_id).await.unwrap();
    let second = staff.reset_code(elderly_id).await.unwrap();
    let error = app.client().reset_password(&reset(&first.code, "奶奶的新密码123")).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::ResetCodeInvalid, Some("code")), "a newer code replaces it");
    let error = app.client().reset_password(&reset(&second.code, "short")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::PasswordTooShort);
    let session = app.client().reset_password(&reset(&second.code, "奶奶的新密码123")).await.unwrap();
    assert_eq!(session.me.id, elderly_id);
    assert_eq!(elderly.me().await.unwrap_err().code(), ErrorCode::Unauthenticated, "her old sessions ended");
    let error = app.client().reset_password(&reset(&second.code, "又一个新密码123")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::ResetCodeInvalid, "used once only");
    app.sign_in_with(ELDERLY, "奶奶的新密码123").await;

    let late = staff.reset_code(elderly_id).await.unwrap();
    clock.advance(chrono::Duration::minutes(31));
    let error = app.client().reset_password(&reset(&late.code, "又一个新密码123")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::ResetCodeInvalid, "expired after 30 minutes");

    // Guessing codes is limited like guessing passwords.
    let mut limited = false;
    for guess in 0..4 {
        let error = app.client().reset_password(&reset(&format!("{guess:08}"), "又一个新密码123")).await.unwrap_err();
        limited |= error.code() == ErrorCode::TooManyAttempts;
    }
    assert!(limited, "the phone's budget runs out");
    let (issued,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'reset_code_issued'").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(issued, 3);
}

async fn changing_the_password_signs_out_the_other_devices_and_sign_out_everywhere_all(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let phone = app.sign_in(OWNER).await;
    let tablet = app.sign_in(OWNER).await;
    let error = phone
        .change_password(&ChangePassword { current_password: "not it".into(), new_password: "新的好密码abc".into() })
        .await
        .unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::WrongPassword, Some("current_password")));
    assert!(tablet.me().await.is_ok(), "a refused change changes nothing");
    phone
        .change_password(&ChangePassword { current_password: DEMO_PASSWORD.into(), new_password: "新的好密码abc".into() })
        .await
        .unwrap();
    assert!(phone.me().await.is_ok(), "this device stays signed in");
    assert_eq!(tablet.me().await.unwrap_err().code(), ErrorCode::Unauthenticated);
    let laptop = app.sign_in_with(OWNER, "新的好密码abc").await;
    phone.sign_out_everywhere().await.unwrap();
    for device in [&phone, &laptop] {
        assert_eq!(device.me().await.unwrap_err().code(), ErrorCode::Unauthenticated);
    }
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
    staff_open_disable_and_enable_accounts_and_a_disabled_one_is_signed_out_at_once,
    a_reset_code_works_once_and_only_for_a_while,
    changing_the_password_signs_out_the_other_devices_and_sign_out_everywhere_all,
);
