//! Appointments and queueing end to end over HTTP on SQLite and PostgreSQL: staff define a
//! service with a form and a schedule; residents see free places, book and fill the form,
//! staff approve; the last place goes to one of many at once; cancelling until the cut-off;
//! repeated no-shows pause booking; reminders; checking in with the desk's code, walk-ins,
//! calling in order, "two ahead" and "called" news; served, rated, figures; the public
//! screen; and bad input and other communities that change nothing.

mod common;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use common::{Backend, TestClock, ELDERLY, OWNER, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::appointments::{
    Answer, AppointmentRules, Booking, BookingNews, BookingState, CheckIn, DeskCheckIn, FieldKind, FormField, NewBooking, NewService,
    Rating, ReviewBooking, Service, SlotQuery, TicketState, WalkIn, WeeklyHours,
};
use linli_api::events::Event;
use linli_api::family::FamilyActivityKind;
use linli_api::paging::PageQuery;
use linli_api::{Client, ErrorCode};

const ID_NUMBER: &str = "11010519491231002X";

fn cst() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

/// `hour:minute` in Beijing, `days` after today (by the test clock).
fn at(clock: &TestClock, days: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let date = (clock.now().with_timezone(&cst()) + Duration::days(days)).date_naive();
    cst().from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap()).unwrap().with_timezone(&Utc)
}

/// Every day 08:00-18:00 in 30-minute slots of `capacity`.
fn new_service(needs_approval: bool, capacity: u32) -> NewService {
    let time = |hour| NaiveTime::from_hms_opt(hour, 0, 0).unwrap();
    NewService {
        name: "养老资格认证".into(),
        description: "每年一次的养老金领取资格认证。".into(),
        documents: "身份证、户口本".into(),
        form: vec![
            FormField { label: "身份证号".into(), kind: FieldKind::IdNumber, required: true, options: vec![] },
            FormField { label: "办理方式".into(), kind: FieldKind::SingleChoice, required: false, options: vec!["本人".into(), "代办".into()] },
        ],
        needs_approval,
        duration_minutes: 30,
        hours: (1..=7).map(|weekday| WeeklyHours { weekday, opens: time(8), closes: time(18), capacity }).collect(),
        closed_days: vec![],
        cancel_hours: 2,
        queue_prefix: "A".into(),
    }
}

fn booking(starts_at: DateTime<Utc>) -> NewBooking {
    NewBooking { slot_starts_at: starts_at, answers: vec![Some(Answer::IdNumber(ID_NUMBER.to_lowercase())), Some(Answer::SingleChoice(0))] }
}

async fn define(staff: &Client, needs_approval: bool, capacity: u32) -> Service {
    staff.create_service(&new_service(needs_approval, capacity)).await.expect("staff define a service")
}

/// The news `client` hears within a few seconds.
async fn news_heard(mut live: impl futures_util::Stream<Item = Event> + Unpin, wanted: usize) -> Vec<BookingNews> {
    let mut heard = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if let Event::BookingNews { news, .. } = event {
            heard.push(news);
            if heard.len() == wanted {
                break;
            }
        }
    }
    heard
}

async fn staff_define_services_and_residents_see_the_places_left(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let created = define(&staff, false, 2).await;
    assert!(created.desk_code.as_deref().is_some_and(|code| code.len() == 9), "staff get the desk code: {:?}", created.desk_code);
    assert!(created.desk_qr_svg.as_deref().is_some_and(|svg| svg.contains("<svg")));
    let resident = app.sign_in(RESIDENT).await;
    let seen = resident.services().await.unwrap();
    assert_eq!(seen.len(), 4, "the demo's three and this one");
    assert!(seen.iter().all(|service| service.desk_code.is_none() && service.desk_qr_svg.is_none()), "residents never get the desk code");
    assert_eq!(resident.create_service(&new_service(false, 2)).await.unwrap_err().code(), ErrorCode::Forbidden);

    let days = resident.service_slots(created.id, &SlotQuery { from: None, days: Some(3) }).await.unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[1].slots.len(), 20, "08:00-18:00 in half hours");
    assert!(days[1].slots.iter().all(|slot| slot.capacity == 2 && slot.free == 2));
    let ten = at(&clock, 1, 10, 0);
    resident.book(created.id, &booking(ten)).await.unwrap();
    let days = resident.service_slots(created.id, &SlotQuery { from: None, days: Some(2) }).await.unwrap();
    let slot = days[1].slots.iter().find(|slot| slot.starts_at == ten).unwrap();
    assert_eq!(slot.free, 1, "one place taken");
    assert_eq!(resident.service_slots(created.id, &SlotQuery { from: None, days: Some(15) }).await.unwrap_err().field(), Some("days"));

    // Staff close tomorrow and lower the capacity: the booked slot keeps its booking.
    let tomorrow = days[1].date;
    let changed = NewService { closed_days: vec![tomorrow], ..new_service(false, 1) };
    staff.update_service(created.id, &changed).await.unwrap();
    let days = resident.service_slots(created.id, &SlotQuery { from: None, days: Some(3) }).await.unwrap();
    assert!(days[1].closed && days[1].slots.is_empty(), "closed days offer nothing");
    assert!(days[2].slots.iter().all(|slot| slot.capacity == 1));
    let refused = app.sign_in(OWNER).await.book(created.id, &booking(ten)).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::SlotUnavailable);
}

async fn a_resident_books_with_the_form_and_staff_approve(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let service = define(&staff, true, 3).await;
    let elderly = app.sign_in(ELDERLY).await;
    let heard = elderly.events().await.unwrap();
    let booked = elderly.book(service.id, &booking(at(&clock, 2, 9, 30))).await.unwrap();
    assert_eq!(booked.state, BookingState::Pending);
    assert_eq!(booked.answers[0], Some(Answer::IdNumber(ID_NUMBER.into())), "the ID number is stored checked, with a capital X");
    let code = booked.code.clone().expect("the resident's code");
    assert_eq!(code.len(), 8);
    assert!(booked.code_qr_svg.as_deref().is_some_and(|svg| svg.contains("<svg")));
    let pending = staff.pending_bookings().await.unwrap();
    assert_eq!((pending.len(), pending[0].id, pending[0].code.clone()), (1, booked.id, None), "staff see it, without the code");
    let no_reason = staff.review_booking(booked.id, &ReviewBooking { approve: false, reason: None }).await.unwrap_err();
    assert_eq!(no_reason.field(), Some("reason"));
    let approved = staff.review_booking(booked.id, &ReviewBooking { approve: true, reason: None }).await.unwrap();
    assert_eq!(approved.state, BookingState::Confirmed);
    assert_eq!(staff.review_booking(booked.id, &ReviewBooking { approve: true, reason: None }).await.unwrap_err().code(), ErrorCode::BookingChanged);
    let seen = elderly.booking(booked.id).await.unwrap();
    let kinds: Vec<_> = seen.history.iter().map(|event| event.kind).collect();
    assert_eq!(kinds, [linli_api::appointments::CaseEventKind::Booked, linli_api::appointments::CaseEventKind::Approved]);
    assert_eq!(seen.history[1].actor, "李主任");
    assert_eq!(news_heard(heard, 1).await, [BookingNews::Approved]);
    assert_eq!(elderly.book(service.id, &booking(at(&clock, 3, 9, 30))).await.unwrap_err().code(), ErrorCode::AlreadyBooked, "one open booking per service");

    // A declined booking frees its place and says why.
    let owner = app.sign_in(OWNER).await;
    let other = owner.book(service.id, &booking(at(&clock, 2, 9, 30))).await.unwrap();
    let declined = staff.review_booking(other.id, &ReviewBooking { approve: false, reason: Some("材料不全，请先补办户口本".into()) }).await.unwrap();
    assert_eq!((declined.state, declined.reason.as_deref()), (BookingState::Rejected, Some("材料不全，请先补办户口本")));
    let day = owner.service_slots(service.id, &SlotQuery { from: None, days: Some(3) }).await.unwrap();
    let slot = day[2].slots.iter().find(|slot| slot.starts_at == at(&clock, 2, 9, 30)).unwrap();
    assert_eq!(slot.free, 2, "the elderly resident's place stays taken, the declined one is free");

    // A family member books for the resident; it is in her history.
    let daughter = app.sign_in(linli_server::seed::FAMILY_PHONE).await;
    let elderly_id = elderly.me().await.unwrap().id;
    let other_service = staff.create_service(&NewService { name: "老年优待证".into(), ..new_service(false, 3) }).await.unwrap();
    assert_eq!(daughter.book(other_service.id, &booking(at(&clock, 1, 10, 0))).await.unwrap_err().code(), ErrorCode::Forbidden);
    let for_mother = daughter.clone().acting_for(elderly_id);
    let hers = for_mother.book(other_service.id, &booking(at(&clock, 1, 10, 0))).await.unwrap();
    assert_eq!((hers.state, hers.resident_name.as_str()), (BookingState::Confirmed, "陈秀英"));
    assert_eq!(hers.history[0].actor, "陈小红（女儿）");
    let history = elderly.family_history(&PageQuery::default()).await.unwrap();
    assert_eq!(history.items[0].kind, FamilyActivityKind::BookedAppointment);
    assert!(history.items[0].detail.starts_with("老年优待证 "), "{}", history.items[0].detail);
}

async fn the_last_place_goes_to_exactly_one_of_many_at_once(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let service = define(&staff, false, 3).await;
    let slot = at(&clock, 1, 15, 0);
    app.sign_in(OWNER).await.book(service.id, &booking(slot)).await.unwrap();
    app.sign_in(ELDERLY).await.book(service.id, &booking(slot)).await.unwrap();
    let residents = app.residents_of_new_households("7栋", 24).await;
    let wanted = booking(slot);
    let results = futures_util::future::join_all(residents.iter().map(|resident| resident.book(service.id, &wanted))).await;
    let won = results.iter().filter(|result| result.is_ok()).count();
    let lost: Vec<_> = results.iter().filter_map(|result| result.as_ref().err()).map(|error| error.code()).collect();
    assert_eq!(won, 1, "one place was left: {lost:?}");
    assert!(lost.iter().all(|code| *code == ErrorCode::SlotFull), "{lost:?}");
    let (booked,): (i64,) = sqlx::query_as("SELECT booked FROM service_slots WHERE service_id = $1")
        .bind(service.id.0)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(booked, 3);
    assert_eq!(app.count("bookings").await, 3, "no booking without a place");
}

async fn cancelling_closes_at_the_cut_off_and_repeated_no_shows_pause_booking(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let service = define(&staff, false, 2).await;
    let owner = app.sign_in(OWNER).await;
    let early = owner.book(service.id, &booking(at(&clock, 1, 11, 0))).await.unwrap();
    assert!(early.cancellable);
    let cancelled = owner.cancel_booking(early.id).await.unwrap();
    assert_eq!(cancelled.state, BookingState::Cancelled);
    let late = owner.book(service.id, &booking(at(&clock, 1, 11, 0))).await.unwrap();
    clock.advance(at(&clock, 1, 9, 30) - clock.now());
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.cancel_booking(late.id).await.unwrap_err().code(), ErrorCode::CancelTooLate, "within two hours of the slot");

    // The slot ends without a check-in: a no-show. With a limit of one, booking pauses.
    staff.set_appointment_rules(&AppointmentRules { no_show_limit: 1, window_days: 30, pause_days: 7 }).await.unwrap();
    clock.advance(Duration::hours(2));
    assert_eq!(linli_server::appointments::clock::close_ended(&app.running.state).await.unwrap(), 1);
    assert_eq!(linli_server::appointments::clock::close_ended(&app.running.state).await.unwrap(), 0, "once");
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.booking(late.id).await.unwrap().state, BookingState::NoShow);
    let paused = owner.book(service.id, &booking(at(&clock, 2, 10, 0))).await.unwrap_err();
    assert_eq!((paused.status(), paused.code()), (Some(403), ErrorCode::BookingPaused));
    clock.advance(Duration::days(8));
    let owner = app.sign_in(OWNER).await;
    assert!(owner.book(service.id, &booking(at(&clock, 1, 10, 0))).await.is_ok(), "the pause ends");
}

/// A server on a test clock, with the resident's booking of a 10:00 slot three days ahead.
async fn booked_three_days_ahead(backend: Backend, clock: &TestClock) -> Option<(common::TestApp, Service, Client, Booking, DateTime<Utc>)> {
    let app = common::spawn_with_clock(backend, clock).await?;
    let staff = app.sign_in(STAFF).await;
    let service = define(&staff, false, 2).await;
    let resident = app.sign_in(RESIDENT).await;
    let slot = at(clock, 3, 10, 0);
    let booked = resident.book(service.id, &booking(slot)).await.unwrap();
    Some((app, service, resident, booked, slot))
}

async fn residents_are_reminded_the_day_before_and_an_hour_before(backend: Backend) {
    let clock = TestClock::default();
    let Some((app, _, _, booked, slot)) = booked_three_days_ahead(backend, &clock).await else { return };
    let state = &app.running.state;
    assert_eq!(linli_server::appointments::clock::remind_due(state).await.unwrap(), 0);
    clock.advance(slot - Duration::hours(23) - clock.now());
    let resident = app.sign_in(RESIDENT).await;
    let heard = resident.events().await.unwrap();
    assert_eq!(linli_server::appointments::clock::remind_due(state).await.unwrap(), 1);
    assert_eq!(linli_server::appointments::clock::remind_due(state).await.unwrap(), 0, "once");
    clock.advance(Duration::hours(22) + Duration::minutes(30));
    assert_eq!(linli_server::appointments::clock::remind_due(state).await.unwrap(), 1);
    assert_eq!(news_heard(heard, 2).await, [BookingNews::DayBefore, BookingNews::HourBefore]);
    let reminded = resident.booking(booked.id).await.unwrap().history.iter().filter(|e| e.kind == linli_api::appointments::CaseEventKind::Reminded).count();
    assert_eq!(reminded, 2);
}

/// A busy day: 501 bookings earlier that day already had their day-before reminder; the
/// clock still reaches the later one (it once read the earliest 500 due, reminded or not,
/// and never got past them).
async fn a_busy_days_later_bookings_are_reminded_too(backend: Backend) {
    let clock = TestClock::default();
    let Some((app, service, resident, booked, slot)) = booked_three_days_ahead(backend, &clock).await else { return };
    clock.advance(slot - Duration::hours(23) - clock.now());
    let now = clock.now();

    let pool = &app.db().pool;
    let (community,): (i64,) = sqlx::query_as("SELECT community_id FROM services WHERE id = $1").bind(service.id.0).fetch_one(pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for n in 0..501_i64 {
        let account = linli_server::auth::storage::NewAccount {
            community: linli_api::ids::CommunityId(community),
            household: None,
            role: linli_api::auth::Role::Resident,
            name: "邻居",
            phone: &format!("1370000{n:04}"),
            password_hash: "x",
            is_owner: false,
            locale: Default::default(),
            consented_at: None,
            now,
        };
        let neighbour = linli_server::auth::storage::insert_account(&mut tx, &account).await.unwrap();
        let starts = (slot - Duration::hours(21)).timestamp_millis() + n * 1_000;
        sqlx::query(
            "INSERT INTO bookings (community_id, service_id, resident_id, resident_name, booked_by, starts_at, ends_at, state,
                                   answers_json, code, booked_at, reminded_day_at)
             VALUES ($1, $2, $3, '邻居', $3, $4, $5, 'confirmed', '[]', $6, $7, $8)",
        )
        .bind(community)
        .bind(service.id.0)
        .bind(neighbour.0)
        .bind(starts)
        .bind(starts + 1_800_000)
        .bind(format!("BUSY{n:04}"))
        .bind(now.timestamp_millis() - 86_400_000 * 3)
        .bind(now.timestamp_millis())
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();

    assert_eq!(linli_server::appointments::clock::remind_due(&app.running.state).await.unwrap(), 1, "the later booking is reached");
    let reminded = resident.booking(booked.id).await.unwrap().history.iter().filter(|e| e.kind == linli_api::appointments::CaseEventKind::Reminded).count();
    assert_eq!(reminded, 1);
}

async fn the_queue_calls_booked_check_ins_before_walk_ins_and_tells_each_holder(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let service = define(&staff, false, 3).await;
    let desk_code = service.desk_code.clone().unwrap();
    let owner = app.sign_in(OWNER).await;
    let elderly = app.sign_in(ELDERLY).await;
    let resident = app.sign_in(RESIDENT).await;
    let (nine, eight_twenty, nine_five) = (at(&clock, 1, 9, 0), at(&clock, 1, 8, 20), at(&clock, 1, 9, 5));
    let owner_booking = owner.book(service.id, &booking(nine)).await.unwrap();
    let elderly_booking = elderly.book(service.id, &booking(nine)).await.unwrap();
    let resident_booking = resident.book(service.id, &booking(at(&clock, 1, 9, 30))).await.unwrap();
    assert_eq!(owner.check_in(owner_booking.id, &CheckIn { desk_code: desk_code.clone() }).await.unwrap_err().code(), ErrorCode::NotCheckInTime);

    // 08:20 tomorrow: check-in is open for the 09:00 slot, not yet for 09:30.
    clock.advance(eight_twenty - clock.now());
    let (owner, elderly, resident, staff) = (app.sign_in(OWNER).await, app.sign_in(ELDERLY).await, app.sign_in(RESIDENT).await, app.sign_in(STAFF).await);
    let wrong = owner.check_in(owner_booking.id, &CheckIn { desk_code: "ABCD-EFGH".into() }).await.unwrap_err();
    assert_eq!((wrong.code(), wrong.field()), (ErrorCode::DeskCodeInvalid, Some("desk_code")));
    let walk_in = staff.walk_in(service.id, &WalkIn { name: "赵大爷".into() }).await.unwrap();
    assert_eq!(walk_in.number, "A001");
    let typed = desk_code.to_lowercase().replace('-', " ");
    let owner_ticket = owner.check_in(owner_booking.id, &CheckIn { desk_code: typed }).await.unwrap();
    assert_eq!((owner_ticket.number.as_str(), owner_ticket.ahead), ("A002", 1), "the walk-in came before the 09:00 slot's time");
    assert_eq!(owner.check_in(owner_booking.id, &CheckIn { desk_code: desk_code.clone() }).await.unwrap_err().code(), ErrorCode::BookingChanged, "once");
    assert_eq!(resident.check_in(resident_booking.id, &CheckIn { desk_code: desk_code.clone() }).await.unwrap_err().code(), ErrorCode::NotCheckInTime);
    let elderly_news = elderly.events().await.unwrap();
    // Staff check the elderly resident in by her booking's code.
    let code = elderly.booking(elderly_booking.id).await.unwrap().code.unwrap();
    let bad = staff.desk_check_in(service.id, &DeskCheckIn { booking_code: "0000-0000".into() }).await.unwrap_err();
    assert_eq!(bad.code(), ErrorCode::BookingCodeInvalid);
    let elderly_ticket = staff.desk_check_in(service.id, &DeskCheckIn { booking_code: format!("{}-{}", &code[..4], &code[4..]) }).await.unwrap();
    assert_eq!(elderly_ticket.number, "A003");

    // 09:05: a second walk-in; the 09:00 bookings go ahead of it.
    clock.advance(nine_five - clock.now());
    let staff = app.sign_in(STAFF).await;
    staff.walk_in(service.id, &WalkIn { name: "孙阿姨".into() }).await.unwrap();
    let resident = app.sign_in(RESIDENT).await;
    resident.check_in(resident_booking.id, &CheckIn { desk_code: desk_code.clone() }).await.unwrap();
    let queue = staff.desk_queue(service.id).await.unwrap();
    let order: Vec<_> = queue.waiting.iter().map(|ticket| ticket.number.as_str()).collect();
    assert_eq!(order, ["A001", "A002", "A003", "A004", "A005"]);
    // The 09:30 booking (A005) checked in after the 09:05 walk-in but its slot is later.
    let called: Vec<String> = {
        let mut called = Vec::new();
        for _ in 0..2 {
            called.push(staff.call_next(service.id).await.unwrap().number);
        }
        called
    };
    assert_eq!(called, ["A001", "A002"]);
    let elderly = app.sign_in(ELDERLY).await;
    let seen = elderly.booking(elderly_booking.id).await.unwrap().ticket.unwrap();
    assert_eq!((seen.state, seen.ahead, seen.now_serving.as_deref()), (TicketState::Waiting, 0, Some("A002")));
    let owner = app.sign_in(OWNER).await;
    let owner_ticket = owner.booking(owner_booking.id).await.unwrap().ticket.unwrap();
    assert_eq!(owner_ticket.state, TicketState::Called);
    staff.ticket_served(owner_ticket.id).await.unwrap();
    assert_eq!(staff.ticket_served(owner_ticket.id).await.unwrap_err().code(), ErrorCode::BookingChanged, "served once");
    let served = owner.booking(owner_booking.id).await.unwrap();
    assert_eq!(served.state, BookingState::Served);
    let next = staff.call_next(service.id).await.unwrap();
    assert_eq!(next.number, "A003");
    staff.recall_ticket(next.id).await.unwrap();
    staff.ticket_no_show(next.id).await.unwrap();
    assert_eq!(elderly.booking(elderly_booking.id).await.unwrap().state, BookingState::NoShow);
    // The elderly resident heard that two were ahead of her (at her check-in), then her call twice.
    let heard = news_heard(elderly_news, 3).await;
    assert_eq!(heard, [BookingNews::TwoAhead, BookingNews::Called, BookingNews::Called]);

    // Rated once; staff see the average.
    let bad = owner.rate_booking(owner_booking.id, &Rating { stars: 6, comment: String::new() }).await.unwrap_err();
    assert_eq!(bad.field(), Some("stars"));
    let rated = owner.rate_booking(owner_booking.id, &Rating { stars: 4, comment: " 很快 ".into() }).await.unwrap();
    assert_eq!(rated.rating.map(|r| (r.stars, r.comment)), Some((4, "很快".into())));
    assert_eq!(owner.rate_booking(owner_booking.id, &Rating { stars: 5, comment: String::new() }).await.unwrap_err().code(), ErrorCode::BookingChanged);
    let stats = staff.service_stats().await.unwrap();
    let stats: Vec<_> = stats.into_iter().filter(|figures| figures.service_id == service.id).collect();
    assert_eq!((stats[0].served, stats[0].no_shows, stats[0].ratings, stats[0].average_stars), (1, 1, 1, Some(4.0)));

    // The public screen: numbers, never names.
    let display = app.client().queue_display(service.id).await.unwrap();
    assert_eq!(display.now_serving.as_deref(), Some("A003"));
    assert_eq!(display.waiting, 2);
    let json = serde_json::to_string(&display).unwrap();
    assert!(!json.contains("赵大爷") && !json.contains("王建国"), "{json}");
    assert_eq!(staff.call_next(service.id).await.unwrap().number, "A004");
    assert_eq!(staff.call_next(service.id).await.unwrap().number, "A005");
    assert_eq!(staff.call_next(service.id).await.unwrap_err().code(), ErrorCode::QueueEmpty);
}

async fn bad_input_and_other_communities_change_nothing(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let services = app.count("services").await;
    let bad_prefix = staff.create_service(&NewService { queue_prefix: "1".into(), ..new_service(false, 2) }).await.unwrap_err();
    assert_eq!((bad_prefix.status(), bad_prefix.field()), (Some(422), Some("queue_prefix")));
    assert_eq!(app.count("services").await, services);
    let service = define(&staff, false, 2).await;
    let owner = app.sign_in(OWNER).await;
    let before = app.count("bookings").await;
    let slot = at(&clock, 1, 10, 0);
    let cases = [
        (NewBooking { answers: vec![None, None], ..booking(slot) }, ErrorCode::FieldRequired, Some("answers.0")),
        (NewBooking { answers: vec![Some(Answer::IdNumber("110105194912310021".into())), None], ..booking(slot) }, ErrorCode::InvalidIdNumber, Some("answers.0")),
        (NewBooking { answers: vec![Some(Answer::IdNumber(ID_NUMBER.into()))], ..booking(slot) }, ErrorCode::InvalidValue, Some("answers")),
        (booking(slot + Duration::minutes(10)), ErrorCode::SlotUnavailable, Some("slot_starts_at")),
        (booking(at(&clock, -1, 10, 0)), ErrorCode::SlotUnavailable, Some("slot_starts_at")),
        (booking(at(&clock, 40, 10, 0)), ErrorCode::SlotUnavailable, Some("slot_starts_at")),
    ];
    for (wrong, code, field) in cases {
        let error = owner.book(service.id, &wrong).await.unwrap_err();
        assert_eq!((error.code(), error.field()), (code, field));
    }
    assert_eq!(app.count("bookings").await, before);
    let staff_booking = staff.book(service.id, &booking(slot)).await.unwrap_err();
    assert_eq!(staff_booking.code(), ErrorCode::Forbidden, "residents book");
    let booked = owner.book(service.id, &booking(slot)).await.unwrap();
    let resident = app.sign_in(RESIDENT).await;
    assert_eq!(resident.booking(booked.id).await.unwrap_err().code(), ErrorCode::NotFound, "someone else's booking");
    assert_eq!(resident.cancel_booking(booked.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(resident.pending_bookings().await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(resident.call_next(service.id).await.unwrap_err().code(), ErrorCode::Forbidden);

    let (_, other_staff, other_resident) = app.add_other_community().await;
    let stranger = app.sign_in(&other_staff).await;
    assert!(stranger.services().await.unwrap().is_empty(), "another community has none of these");
    assert_eq!(stranger.service(service.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.booking(booked.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.review_booking(booked.id, &ReviewBooking { approve: true, reason: None }).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.walk_in(service.id, &WalkIn { name: "x".into() }).await.unwrap_err().code(), ErrorCode::NotFound);
    let outsider = app.sign_in(&other_resident).await;
    assert_eq!(outsider.book(service.id, &booking(slot)).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(staff.walk_in(service.id, &WalkIn { name: " ".into() }).await.unwrap_err().field(), Some("name"));
    assert_eq!(app.client().queue_display(linli_api::ids::ServiceId(9_999)).await.unwrap_err().code(), ErrorCode::NotFound);
}

async fn a_photo_in_the_form_is_the_resident_and_the_staffs_only(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    let certificate = FormField { label: "残疾证照片".into(), kind: FieldKind::Image, required: true, options: vec![] };
    let service = staff.create_service(&NewService { name: "残疾人补贴申请".into(), form: vec![certificate], ..new_service(true, 3) }).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    let photo = owner.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    let neighbour = app.sign_in(RESIDENT).await;
    assert!(neighbour.image(photo).await.is_ok(), "not attached to anything yet, the upload is the community's like any other");
    let attempt = NewBooking { slot_starts_at: at(&clock, 2, 9, 30), answers: vec![Some(Answer::Image(photo))] };
    let booked = owner.book(service.id, &attempt).await.unwrap();
    assert_eq!(booked.answers, [Some(Answer::Image(photo))]);
    assert!(owner.image(photo).await.is_ok() && staff.image(photo).await.is_ok(), "hers, and the staff's who check it");
    assert_eq!(neighbour.image(photo).await.unwrap_err().code(), ErrorCode::NotFound, "never a neighbour's, even with the id");
}

on_both_databases!(
    staff_define_services_and_residents_see_the_places_left,
    a_resident_books_with_the_form_and_staff_approve,
    the_last_place_goes_to_exactly_one_of_many_at_once,
    cancelling_closes_at_the_cut_off_and_repeated_no_shows_pause_booking,
    residents_are_reminded_the_day_before_and_an_hour_before,
    a_busy_days_later_bookings_are_reminded_too,
    the_queue_calls_booked_check_ins_before_walk_ins_and_tells_each_holder,
    bad_input_and_other_communities_change_nothing,
    a_photo_in_the_form_is_the_resident_and_the_staffs_only,
);
