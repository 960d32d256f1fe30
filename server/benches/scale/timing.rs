//! Asking the server: sessions for the data set's people (made directly, as a sign-in
//! would), deep pages found by following cursors, and the timed requests.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use linli_api::family::ACTING_FOR_HEADER;
use linli_api::ids::UserId;
use linli_server::auth::storage::create_session;
use linli_server::auth::token;
use linli_server::seed::scale::landmarks::Landmarks;
use linli_server::Running;

use crate::cases::{Answer, Case, Who};
use crate::report::Measured;
use crate::Knobs;

/// The data set's people with a session each, and one HTTP client (kept-alive connections).
pub struct People {
    http: reqwest::Client,
    base: String,
    tokens: HashMap<Who, String>,
    resident: UserId,
}

impl People {
    pub async fn sign_in(running: &Running, at: &Landmarks) -> Self {
        let now = running.state.clock.now();
        let mut conn = running.state.db.pool.acquire().await.expect("connection");
        let mut tokens = HashMap::new();
        let accounts = [
            (Who::Resident, at.resident),
            (Who::Family, at.family),
            (Who::FamilyForResident, at.family),
            (Who::Staff, at.staff),
            (Who::Property, at.property),
            (Who::Merchant, at.merchant),
            (Who::Admin, at.admin),
        ];
        for (who, user) in accounts {
            let secret = token::new_token();
            create_session(&mut conn, user, &token::hash_token(&secret), now, now + chrono::Duration::days(1)).await.expect("session");
            tokens.insert(who, secret);
        }
        People { http: reqwest::Client::new(), base: running.url(), tokens, resident: at.resident }
    }

    fn request(&self, who: Who, path: &str, query: &[(String, String)]) -> reqwest::RequestBuilder {
        let mut request = self.http.get(format!("{}{path}", self.base)).query(query);
        if let Some(token) = self.tokens.get(&who) {
            request = request.bearer_auth(token);
        }
        if who == Who::FamilyForResident {
            request = request.header(ACTING_FOR_HEADER, self.resident.to_string());
        }
        request
    }

    /// The answer's body, for the benchmark's own reading (the document, cursors).
    pub async fn get_json_bytes(&self, path: &str) -> Vec<u8> {
        let response = self.request(Who::Anyone, path, &[]).send().await.expect("server answers");
        response.bytes().await.expect("body").to_vec()
    }

    /// A single-use ticket for the event stream.
    async fn event_ticket(&self, who: Who) -> String {
        let mut request = self.http.post(format!("{}/api/v1/events/ticket", self.base));
        if let Some(token) = self.tokens.get(&who) {
            request = request.bearer_auth(token);
        }
        let ticket: serde_json::Value = request.send().await.expect("ticket").json().await.expect("ticket JSON");
        ticket["ticket"].as_str().expect("a ticket").to_owned()
    }

    /// Asks once: the status, the answer's size, and the wall time from sending to the last
    /// byte (to the first bytes of an event stream, which never ends).
    pub async fn ask(&self, case: &Case) -> Result<(u16, usize, Duration, Vec<u8>), String> {
        let mut query = case.query.clone();
        if case.answer == Answer::FirstBytes {
            query.push(("ticket".into(), self.event_ticket(case.who).await));
        }
        let request = self.request(case.who, &case.path, &query);
        let started = Instant::now();
        let mut response = request.send().await.map_err(|error| error.to_string())?;
        let status = response.status().as_u16();
        let body = match case.answer {
            Answer::Whole => response.bytes().await.map_err(|error| error.to_string())?.to_vec(),
            Answer::FirstBytes => response.chunk().await.map_err(|error| error.to_string())?.map(|chunk| chunk.to_vec()).unwrap_or_default(),
        };
        let took = started.elapsed();
        Ok((status, body.len(), took, body))
    }
}

/// The cursor to the next page in a list's answer, whatever the list calls it.
fn next_cursor(body: &[u8]) -> Option<String> {
    let page: serde_json::Value = serde_json::from_slice(body).ok()?;
    match page.get("next_after").or_else(|| page.get("next"))? {
        serde_json::Value::String(cursor) => Some(cursor.clone()),
        serde_json::Value::Number(cursor) => Some(cursor.to_string()),
        _ => None,
    }
}

/// Turns each deep case into the page `pages` in (or the list's last page, if it has fewer),
/// by following the cursors from its first page.
pub async fn resolve_deep_pages(people: &People, cases: &mut [Case], pages: usize) {
    for case in cases.iter_mut().filter(|case| case.deep) {
        let mut page = 1;
        let mut after: Option<String> = None;
        while page < pages {
            let mut asked = case.clone();
            asked.query.extend(after.clone().map(|cursor| ("after".to_owned(), cursor)));
            let (status, _, _, body) = people.ask(&asked).await.expect("server answers");
            assert_eq!(status, 200, "{} as {} page {page}: {}", case.route, case.who.name(), String::from_utf8_lossy(&body));
            match next_cursor(&body) {
                Some(cursor) => {
                    after = Some(cursor);
                    page += 1;
                }
                None => break,
            }
        }
        case.query.extend(after.map(|cursor| ("after".to_owned(), cursor)));
        let last = if page < pages { " (the last)" } else { "" };
        case.variant = case.variant.replace("deep page", &format!("page {page}{last}"));
    }
}

/// Times each case: one request to warm up, then `repeats`, or fewer once the case has
/// used its time (at least three).
pub async fn measure_all(backend: &str, people: &People, cases: &[Case], knobs: &Knobs) -> Vec<Measured> {
    let mut all = Vec::with_capacity(cases.len());
    for case in cases {
        let measured = measure(people, case, knobs).await;
        println!("{backend:<10} {:<48} {:<20} {:<34} {}", case.route, case.who.name(), case.variant, measured.summary());
        all.push(measured);
    }
    all
}

async fn measure(people: &People, case: &Case, knobs: &Knobs) -> Measured {
    let mut measured = Measured::of(case);
    let started = Instant::now();
    for round in 0..=knobs.repeats {
        match people.ask(case).await {
            Ok((status, size, took, _)) if (200..300).contains(&status) => {
                measured.bytes = size;
                // The first answer warms caches and connections up; it is not counted.
                if round > 0 {
                    measured.samples.push(took);
                }
            }
            Ok((status, _, _, body)) => {
                measured.failure = Some(format!("{status}: {}", String::from_utf8_lossy(&body).chars().take(200).collect::<String>()));
                break;
            }
            Err(error) => {
                measured.failure = Some(error);
                break;
            }
        }
        if measured.samples.len() >= 3 && started.elapsed() >= knobs.case_budget {
            break;
        }
    }
    measured
}
