//! SQL of appointments: services, the places taken per slot, bookings, queue numbers and
//! each case's record. Places and numbers move only by conditional updates.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use linli_api::appointments::{Answer, AppointmentRules, BookingState, CaseEvent, CaseEventKind, FormField, NewService, Rating, TicketState, WeeklyHours};
use linli_api::ids::{BookingId, CommunityId, ServiceId, TicketId, UserId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rules::SlotTime;
use crate::db::{flag, from_millis, to_millis};

fn corrupt(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("{what} holds a value this version does not know").into())
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

// --- rules ---------------------------------------------------------------------------------

pub async fn rules_of(conn: &mut AnyConnection, community: CommunityId) -> Result<AppointmentRules, sqlx::Error> {
    let row: Option<(i64, i64, i64)> =
        sqlx::query_as("SELECT no_show_limit, window_days, pause_days FROM appointment_rules WHERE community_id = $1")
            .bind(community.0)
            .fetch_optional(conn)
            .await?;
    let number = |value: i64| u32::try_from(value).unwrap_or(1);
    Ok(row.map_or_else(AppointmentRules::default, |(limit, window, pause)| AppointmentRules {
        no_show_limit: number(limit),
        window_days: number(window),
        pause_days: number(pause),
    }))
}

pub async fn set_rules(conn: &mut AnyConnection, community: CommunityId, rules: AppointmentRules) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO appointment_rules (community_id, no_show_limit, window_days, pause_days) VALUES ($1, $2, $3, $4)
         ON CONFLICT (community_id) DO UPDATE SET no_show_limit = excluded.no_show_limit, window_days = excluded.window_days,
             pause_days = excluded.pause_days",
    )
    .bind(community.0)
    .bind(i64::from(rules.no_show_limit))
    .bind(i64::from(rules.window_days))
    .bind(i64::from(rules.pause_days))
    .execute(conn)
    .await?;
    Ok(())
}

// --- services ------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct ServiceRow {
    pub id: ServiceId,
    pub community: CommunityId,
    pub settings: NewService,
    pub desk_code: String,
}

fn closed_days_text(days: &[NaiveDate]) -> String {
    days.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(",")
}

const SERVICE_COLUMNS: &str = "SELECT id, community_id, name, description, documents, form_json, hours_json, closed_days,
        needs_approval, duration_minutes, cancel_hours, queue_prefix, desk_code FROM services";

fn service_row(row: &AnyRow) -> Result<ServiceRow, sqlx::Error> {
    let form: Vec<FormField> = serde_json::from_str(&row.try_get::<String, _>("form_json")?).map_err(|_| corrupt("services.form_json"))?;
    let hours: Vec<WeeklyHours> = serde_json::from_str(&row.try_get::<String, _>("hours_json")?).map_err(|_| corrupt("services.hours_json"))?;
    let closed: String = row.try_get("closed_days")?;
    let closed_days = closed.split(',').filter(|day| !day.is_empty()).map(|day| day.parse().map_err(|_| corrupt("services.closed_days"))).collect::<Result<_, _>>()?;
    let number = |column: &str| -> Result<u32, sqlx::Error> { u32::try_from(row.try_get::<i64, _>(column)?).map_err(|_| corrupt(column)) };
    Ok(ServiceRow {
        id: ServiceId(row.try_get("id")?),
        community: CommunityId(row.try_get("community_id")?),
        settings: NewService {
            name: row.try_get("name")?,
            description: row.try_get("description")?,
            documents: row.try_get("documents")?,
            form,
            needs_approval: row.try_get::<i64, _>("needs_approval")? != 0,
            duration_minutes: number("duration_minutes")?,
            hours,
            closed_days,
            cancel_hours: number("cancel_hours")?,
            queue_prefix: row.try_get("queue_prefix")?,
        },
        desk_code: row.try_get("desk_code")?,
    })
}

pub async fn insert_service(
    conn: &mut AnyConnection,
    community: CommunityId,
    service: &NewService,
    desk_code: &str,
    now: DateTime<Utc>,
) -> Result<ServiceId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO services (community_id, name, description, documents, form_json, hours_json, closed_days, needs_approval,
                               duration_minutes, cancel_hours, queue_prefix, desk_code, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(community.0)
    .bind(&service.name)
    .bind(&service.description)
    .bind(&service.documents)
    .bind(json(&service.form))
    .bind(json(&service.hours))
    .bind(closed_days_text(&service.closed_days))
    .bind(flag(service.needs_approval))
    .bind(i64::from(service.duration_minutes))
    .bind(i64::from(service.cancel_hours))
    .bind(&service.queue_prefix)
    .bind(desk_code)
    .bind(to_millis(now))
    .fetch_one(conn)
    .await?;
    Ok(ServiceId(id))
}

/// Replaces a service's settings (its desk code stays); false when it is not the community's.
pub async fn update_service(conn: &mut AnyConnection, community: CommunityId, id: ServiceId, service: &NewService) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE services SET name = $1, description = $2, documents = $3, form_json = $4, hours_json = $5, closed_days = $6,
                needs_approval = $7, duration_minutes = $8, cancel_hours = $9, queue_prefix = $10
         WHERE id = $11 AND community_id = $12",
    )
    .bind(&service.name)
    .bind(&service.description)
    .bind(&service.documents)
    .bind(json(&service.form))
    .bind(json(&service.hours))
    .bind(closed_days_text(&service.closed_days))
    .bind(flag(service.needs_approval))
    .bind(i64::from(service.duration_minutes))
    .bind(i64::from(service.cancel_hours))
    .bind(&service.queue_prefix)
    .bind(id.0)
    .bind(community.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn services(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<ServiceRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SERVICE_COLUMNS} WHERE community_id = $1 ORDER BY name, id")).bind(community.0).fetch_all(conn).await?;
    rows.iter().map(service_row).collect()
}

pub async fn service(conn: &mut AnyConnection, community: CommunityId, id: ServiceId) -> Result<Option<ServiceRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{SERVICE_COLUMNS} WHERE id = $1 AND community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(service_row).transpose()
}

/// A service by id alone: for the public "now serving" screen, which shows numbers only.
pub async fn service_anywhere(conn: &mut AnyConnection, id: ServiceId) -> Result<Option<ServiceRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{SERVICE_COLUMNS} WHERE id = $1")).bind(id.0).fetch_optional(conn).await?;
    row.as_ref().map(service_row).transpose()
}

// --- slots ---------------------------------------------------------------------------------

/// Places taken per slot start, with the capacity each slot row holds.
pub async fn slot_counts(
    conn: &mut AnyConnection,
    service: ServiceId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<HashMap<DateTime<Utc>, (u32, u32)>, sqlx::Error> {
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT starts_at, capacity, booked FROM service_slots WHERE service_id = $1 AND starts_at >= $2 AND starts_at < $3")
            .bind(service.0)
            .bind(to_millis(from))
            .bind(to_millis(to))
            .fetch_all(conn)
            .await?;
    let count = |value: i64| u32::try_from(value).unwrap_or(0);
    Ok(rows.into_iter().map(|(starts, capacity, booked)| (from_millis(starts), (count(capacity), count(booked)))).collect())
}

/// Takes one place in the slot if one is free (creating its row at first use); false when full.
pub async fn take_place(conn: &mut AnyConnection, service: ServiceId, slot: SlotTime) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO service_slots (service_id, starts_at, ends_at, capacity, booked) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (service_id, starts_at) DO NOTHING",
    )
    .bind(service.0)
    .bind(to_millis(slot.starts_at))
    .bind(to_millis(slot.ends_at))
    .bind(i64::from(slot.capacity))
    .execute(&mut *conn)
    .await?;
    let taken = sqlx::query("UPDATE service_slots SET booked = booked + 1 WHERE service_id = $1 AND starts_at = $2 AND booked < capacity")
        .bind(service.0)
        .bind(to_millis(slot.starts_at))
        .execute(conn)
        .await?;
    Ok(taken.rows_affected() == 1)
}

/// Gives a place back (a cancellation, a refusal).
pub async fn free_place(conn: &mut AnyConnection, service: ServiceId, starts_at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE service_slots SET booked = booked - 1 WHERE service_id = $1 AND starts_at = $2 AND booked > 0")
        .bind(service.0)
        .bind(to_millis(starts_at))
        .execute(conn)
        .await?;
    Ok(())
}

/// A slot row's capacity after staff changed the schedule: never below its bookings.
pub async fn set_capacity(conn: &mut AnyConnection, service: ServiceId, starts_at: DateTime<Utc>, capacity: u32) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE service_slots SET capacity = CASE WHEN booked > $1 THEN booked ELSE $1 END WHERE service_id = $2 AND starts_at = $3")
        .bind(i64::from(capacity))
        .bind(service.0)
        .bind(to_millis(starts_at))
        .execute(conn)
        .await?;
    Ok(())
}

// --- bookings ------------------------------------------------------------------------------

pub struct NewBookingRow<'a> {
    pub community: CommunityId,
    pub service: ServiceId,
    pub resident: UserId,
    pub resident_name: &'a str,
    pub booked_by: UserId,
    pub slot: SlotTime,
    pub state: BookingState,
    pub answers: &'a [Option<Answer>],
    pub code: &'a str,
    pub at: DateTime<Utc>,
}

/// A second open booking of the same service by the same resident is a unique violation.
pub async fn insert_booking(conn: &mut AnyConnection, booking: &NewBookingRow<'_>) -> Result<BookingId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO bookings (community_id, service_id, resident_id, resident_name, booked_by, starts_at, ends_at, state,
                               answers_json, code, booked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(booking.community.0)
    .bind(booking.service.0)
    .bind(booking.resident.0)
    .bind(booking.resident_name)
    .bind(booking.booked_by.0)
    .bind(to_millis(booking.slot.starts_at))
    .bind(to_millis(booking.slot.ends_at))
    .bind(booking.state.as_str())
    .bind(json(&booking.answers))
    .bind(booking.code)
    .bind(to_millis(booking.at))
    .fetch_one(conn)
    .await?;
    Ok(BookingId(id))
}

#[derive(Debug, Clone)]
pub struct BookingRow {
    pub id: BookingId,
    pub community: CommunityId,
    pub service: ServiceId,
    pub service_name: String,
    pub resident: UserId,
    pub resident_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: BookingState,
    pub answers: Vec<Option<Answer>>,
    pub code: String,
    pub reason: Option<String>,
    pub booked_at: DateTime<Utc>,
    pub rating: Option<Rating>,
}

const BOOKING_COLUMNS: &str = "SELECT b.id, b.community_id, b.service_id, s.name AS service_name, b.resident_id, b.resident_name,
        b.starts_at, b.ends_at, b.state, b.answers_json, b.code, b.reason, b.booked_at, b.rating_stars, b.rating_comment
    FROM bookings b JOIN services s ON s.id = b.service_id";

fn booking_row(row: &AnyRow) -> Result<BookingRow, sqlx::Error> {
    let state: String = row.try_get("state")?;
    let answers = serde_json::from_str(&row.try_get::<String, _>("answers_json")?).map_err(|_| corrupt("bookings.answers_json"))?;
    let rating = match row.try_get::<Option<i64>, _>("rating_stars")? {
        Some(stars) => Some(Rating {
            stars: u8::try_from(stars).map_err(|_| corrupt("bookings.rating_stars"))?,
            comment: row.try_get::<Option<String>, _>("rating_comment")?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(BookingRow {
        id: BookingId(row.try_get("id")?),
        community: CommunityId(row.try_get("community_id")?),
        service: ServiceId(row.try_get("service_id")?),
        service_name: row.try_get("service_name")?,
        resident: UserId(row.try_get("resident_id")?),
        resident_name: row.try_get("resident_name")?,
        starts_at: from_millis(row.try_get("starts_at")?),
        ends_at: from_millis(row.try_get("ends_at")?),
        state: BookingState::parse(&state).ok_or_else(|| corrupt("bookings.state"))?,
        answers,
        code: row.try_get("code")?,
        reason: row.try_get("reason")?,
        booked_at: from_millis(row.try_get("booked_at")?),
        rating,
    })
}

fn booking_rows(rows: Vec<AnyRow>) -> Result<Vec<BookingRow>, sqlx::Error> {
    rows.iter().map(booking_row).collect()
}

pub async fn booking(conn: &mut AnyConnection, community: CommunityId, id: BookingId) -> Result<Option<BookingRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{BOOKING_COLUMNS} WHERE b.id = $1 AND b.community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(booking_row).transpose()
}

/// A resident's bookings, the soonest slot first.
pub async fn bookings_of(conn: &mut AnyConnection, community: CommunityId, resident: UserId) -> Result<Vec<BookingRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{BOOKING_COLUMNS} WHERE b.community_id = $1 AND b.resident_id = $2 ORDER BY b.starts_at DESC, b.id DESC LIMIT 100"))
        .bind(community.0)
        .bind(resident.0)
        .fetch_all(conn)
        .await?;
    booking_rows(rows)
}

/// The community's bookings in `state`, the soonest slot first.
pub async fn bookings_in_state(conn: &mut AnyConnection, community: CommunityId, state: BookingState) -> Result<Vec<BookingRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{BOOKING_COLUMNS} WHERE b.community_id = $1 AND b.state = $2 ORDER BY b.starts_at, b.id LIMIT 200"))
        .bind(community.0)
        .bind(state.as_str())
        .fetch_all(conn)
        .await?;
    booking_rows(rows)
}

/// A service's bookings whose slot starts in [from, to).
pub async fn bookings_between(conn: &mut AnyConnection, service: ServiceId, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<BookingRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{BOOKING_COLUMNS} WHERE b.service_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 ORDER BY b.starts_at, b.id"))
        .bind(service.0)
        .bind(to_millis(from))
        .bind(to_millis(to))
        .fetch_all(conn)
        .await?;
    booking_rows(rows)
}

/// Whether the resident has a booking of the service still open (waiting, confirmed, at the desk).
pub async fn has_open_booking(conn: &mut AnyConnection, service: ServiceId, resident: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM bookings WHERE service_id = $1 AND resident_id = $2 AND state IN ('pending', 'confirmed', 'checked_in')",
    )
    .bind(service.0)
    .bind(resident.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

pub async fn booking_by_code(conn: &mut AnyConnection, service: ServiceId, code: &str) -> Result<Option<BookingRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{BOOKING_COLUMNS} WHERE b.service_id = $1 AND b.code = $2"))
        .bind(service.0)
        .bind(code)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(booking_row).transpose()
}

/// Moves a booking from `from` to `to` (keeping `reason` when given); false when it moved on.
pub async fn move_booking(conn: &mut AnyConnection, id: BookingId, from: BookingState, to: BookingState, reason: Option<&str>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE bookings SET state = $1, reason = COALESCE($2, reason) WHERE id = $3 AND state = $4")
        .bind(to.as_str())
        .bind(reason)
        .bind(id.0)
        .bind(from.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Rates a served booking, once.
pub async fn rate(conn: &mut AnyConnection, id: BookingId, rating: &Rating, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE bookings SET rating_stars = $1, rating_comment = $2, rated_at = $3 WHERE id = $4 AND state = 'served' AND rated_at IS NULL",
    )
    .bind(i64::from(rating.stars))
    .bind(&rating.comment)
    .bind(to_millis(at))
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// When the resident's missed bookings were.
pub async fn no_shows_of(conn: &mut AnyConnection, resident: UserId) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT starts_at FROM bookings WHERE resident_id = $1 AND state = 'no_show'")
        .bind(resident.0)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(at,)| from_millis(at)).collect())
}

/// Bookings in `states` whose slot starts before `before` (reminders) or ended before it.
pub async fn bookings_due(conn: &mut AnyConnection, states: &[BookingState], column: &str, before: DateTime<Utc>) -> Result<Vec<BookingRow>, sqlx::Error> {
    let list = crate::db::placeholders(2, states.len());
    let sql = format!("{BOOKING_COLUMNS} WHERE b.{column} <= $1 AND b.state IN ({list}) ORDER BY b.starts_at, b.id LIMIT 500");
    let mut query = sqlx::query(&sql).bind(to_millis(before));
    for state in states {
        query = query.bind(state.as_str());
    }
    booking_rows(query.fetch_all(conn).await?)
}

/// Confirmed bookings with a reminder due now and not yet sent, earliest first: the hour
/// before (starts within the hour), or the day before (starts within the day and was booked
/// before then). Rows already reminded are not read again, so a busy day's later bookings are
/// reached however many come before them.
pub async fn reminders_due(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Vec<BookingRow>, sqlx::Error> {
    let sql = format!(
        "{BOOKING_COLUMNS} WHERE b.state = 'confirmed' AND b.starts_at > $1 AND b.reminded_hour_at IS NULL
           AND (b.starts_at <= $2 OR (b.reminded_day_at IS NULL AND b.starts_at <= $3 AND b.booked_at < b.starts_at - $4))
         ORDER BY b.starts_at, b.id LIMIT 500"
    );
    let query = sqlx::query(&sql)
        .bind(to_millis(now))
        .bind(to_millis(now + chrono::Duration::hours(1)))
        .bind(to_millis(now + chrono::Duration::days(1)))
        .bind(chrono::Duration::days(1).num_milliseconds());
    booking_rows(query.fetch_all(conn).await?)
}

/// Which reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    DayBefore,
    HourBefore,
}

impl Reminder {
    fn column(self) -> &'static str {
        match self {
            Self::DayBefore => "reminded_day_at",
            Self::HourBefore => "reminded_hour_at",
        }
    }
}

/// Marks the reminder sent, once.
pub async fn mark_reminded(conn: &mut AnyConnection, id: BookingId, reminder: Reminder, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let column = reminder.column();
    let done = sqlx::query(&format!("UPDATE bookings SET {column} = $1 WHERE id = $2 AND {column} IS NULL"))
        .bind(to_millis(at))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

// --- the record ----------------------------------------------------------------------------

pub struct NewCaseEvent<'a> {
    pub booking: BookingId,
    pub kind: CaseEventKind,
    pub actor: Option<UserId>,
    pub actor_name: &'a str,
    pub detail: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn record(conn: &mut AnyConnection, event: &NewCaseEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO case_events (booking_id, kind, actor_id, actor_name, detail, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(event.booking.0)
        .bind(event.kind.as_str())
        .bind(event.actor.map(|actor| actor.0))
        .bind(event.actor_name)
        .bind(event.detail)
        .bind(to_millis(event.at))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn history(conn: &mut AnyConnection, booking: BookingId) -> Result<Vec<CaseEvent>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> =
        sqlx::query_as("SELECT kind, actor_name, detail, at FROM case_events WHERE booking_id = $1 ORDER BY id")
            .bind(booking.0)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, actor, detail, at)| Some(CaseEvent { kind: CaseEventKind::parse(&kind)?, actor, detail, at: from_millis(at) }))
        .collect())
}

// --- the queue -----------------------------------------------------------------------------

/// The next number of the service's day: one upsert, so two desks never give the same one.
pub async fn next_number(conn: &mut AnyConnection, service: ServiceId, day: NaiveDate) -> Result<i64, sqlx::Error> {
    let (number,): (i64,) = sqlx::query_as(
        "INSERT INTO queue_days (service_id, day, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (service_id, day) DO UPDATE SET last_number = queue_days.last_number + 1 RETURNING last_number",
    )
    .bind(service.0)
    .bind(day.to_string())
    .fetch_one(conn)
    .await?;
    Ok(number)
}

pub struct NewTicket<'a> {
    pub service: ServiceId,
    pub day: NaiveDate,
    pub number: i64,
    pub label: &'a str,
    pub booking: Option<BookingId>,
    pub name: &'a str,
    pub slot_starts_at: Option<DateTime<Utc>>,
    pub at: DateTime<Utc>,
}

/// A second ticket for the same booking is a unique violation.
pub async fn insert_ticket(conn: &mut AnyConnection, ticket: &NewTicket<'_>) -> Result<TicketId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO tickets (service_id, day, number, label, booking_id, name, slot_starts_at, issued_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting') RETURNING id",
    )
    .bind(ticket.service.0)
    .bind(ticket.day.to_string())
    .bind(ticket.number)
    .bind(ticket.label)
    .bind(ticket.booking.map(|booking| booking.0))
    .bind(ticket.name)
    .bind(ticket.slot_starts_at.map(to_millis))
    .bind(to_millis(ticket.at))
    .fetch_one(conn)
    .await?;
    Ok(TicketId(id))
}

#[derive(Debug, Clone)]
pub struct TicketRow {
    pub id: TicketId,
    pub service: ServiceId,
    pub number: i64,
    pub label: String,
    pub booking: Option<BookingId>,
    pub name: String,
    pub slot_starts_at: Option<DateTime<Utc>>,
    pub issued_at: DateTime<Utc>,
    pub state: TicketState,
    pub calls: u32,
    pub called_at: Option<DateTime<Utc>>,
    pub told_two_ahead: bool,
}

type TicketTuple = (i64, i64, i64, String, Option<i64>, String, Option<i64>, i64, String, i64, Option<i64>, i64);

const TICKET_COLUMNS: &str = "SELECT t.id, t.service_id, t.number, t.label, t.booking_id, t.name, t.slot_starts_at, t.issued_at,
        t.state, t.calls, t.called_at, t.told_two_ahead FROM tickets t";

fn ticket_row(tuple: TicketTuple) -> Result<TicketRow, sqlx::Error> {
    let (id, service, number, label, booking, name, slot, issued, state, calls, called, told) = tuple;
    Ok(TicketRow {
        id: TicketId(id),
        service: ServiceId(service),
        number,
        label,
        booking: booking.map(BookingId),
        name,
        slot_starts_at: slot.map(from_millis),
        issued_at: from_millis(issued),
        state: TicketState::parse(&state).ok_or_else(|| corrupt("tickets.state"))?,
        calls: u32::try_from(calls).unwrap_or(0),
        called_at: called.map(from_millis),
        told_two_ahead: told != 0,
    })
}

/// The service's tickets of one day, in number order.
pub async fn tickets_of_day(conn: &mut AnyConnection, service: ServiceId, day: NaiveDate) -> Result<Vec<TicketRow>, sqlx::Error> {
    let rows: Vec<TicketTuple> = sqlx::query_as(&format!("{TICKET_COLUMNS} WHERE t.service_id = $1 AND t.day = $2 ORDER BY t.number"))
        .bind(service.0)
        .bind(day.to_string())
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(ticket_row).collect()
}

/// A ticket of the community's service.
pub async fn ticket(conn: &mut AnyConnection, community: CommunityId, id: TicketId) -> Result<Option<TicketRow>, sqlx::Error> {
    let row: Option<TicketTuple> =
        sqlx::query_as(&format!("{TICKET_COLUMNS} JOIN services s ON s.id = t.service_id WHERE t.id = $1 AND s.community_id = $2"))
            .bind(id.0)
            .bind(community.0)
            .fetch_optional(conn)
            .await?;
    row.map(ticket_row).transpose()
}

pub async fn ticket_of_booking(conn: &mut AnyConnection, booking: BookingId) -> Result<Option<TicketRow>, sqlx::Error> {
    let row: Option<TicketTuple> = sqlx::query_as(&format!("{TICKET_COLUMNS} WHERE t.booking_id = $1")).bind(booking.0).fetch_optional(conn).await?;
    row.map(ticket_row).transpose()
}

/// Calls (or calls again) a ticket still waiting or called; false when it moved on.
pub async fn call(conn: &mut AnyConnection, id: TicketId, from: TicketState, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE tickets SET state = 'called', calls = calls + 1, called_at = $1 WHERE id = $2 AND state = $3")
        .bind(to_millis(at))
        .bind(id.0)
        .bind(from.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends a called ticket as served or missed; false when it was not called.
pub async fn finish_ticket(conn: &mut AnyConnection, id: TicketId, to: TicketState, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE tickets SET state = $1, done_at = $2 WHERE id = $3 AND state = 'called'")
        .bind(to.as_str())
        .bind(to_millis(at))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks the holder told that two are ahead, once.
pub async fn mark_told_two_ahead(conn: &mut AnyConnection, id: TicketId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE tickets SET told_two_ahead = 1 WHERE id = $1 AND told_two_ahead = 0").bind(id.0).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

// --- figures -------------------------------------------------------------------------------

/// Per service: bookings, served, no-shows, ratings and the sum of their stars.
pub async fn figures(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(ServiceId, String, [i64; 5])>, sqlx::Error> {
    type Tuple = (i64, String, i64, i64, i64, i64, i64);
    let rows: Vec<Tuple> = sqlx::query_as(
        "SELECT s.id, s.name, COUNT(b.id),
                CAST(COALESCE(SUM(CASE WHEN b.state = 'served' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN b.state = 'no_show' THEN 1 ELSE 0 END), 0) AS BIGINT),
                COUNT(b.rating_stars),
                CAST(COALESCE(SUM(b.rating_stars), 0) AS BIGINT)
         FROM services s LEFT JOIN bookings b ON b.service_id = s.id
         WHERE s.community_id = $1 GROUP BY s.id, s.name ORDER BY s.name, s.id",
    )
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, name, bookings, served, missed, ratings, stars)| (ServiceId(id), name, [bookings, served, missed, ratings, stars])).collect())
}
