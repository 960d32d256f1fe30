//! Benchmark of the order path in a flash sale: N households (default 2,000) press "order"
//! at the same moment for a product with S in stock (default 500), against a baseline
//! measured in the same run on the same server: the same HTTP stack (router, layers,
//! bearer-token check, JSON body) doing one plain insert per request. The machines are
//! noisy, so the figure to read is the ratio, not the absolute numbers.
//!
//!     cargo bench -p linli-server --bench flash_sale
//!
//! Every request counts as answered when it got its right answer: the order, or
//! `sold_out` once the stock is gone. The run then checks that exactly S were sold.
//!
//! SQLite always; PostgreSQL too when `LINLI_TEST_POSTGRES_URL` names a server.
//! `LINLI_BENCH_BUYERS` and `LINLI_BENCH_STOCK` set N and S. Client and server share the
//! process and its two cores, as on these machines.

mod harness;

use chrono::{Duration, Utc};
use harness::{all_at_once, report, Row};
use linli_api::auth::SignInRequest;
use linli_api::groceries::{Fulfilment, NewCampaign, NewProduct, OrderLine, PlaceOrder};
use linli_api::{Client, ErrorCode};

async fn bench(backend: &str, database_url: String, buyers: usize, stock: i64) {
    let folder = tempfile::tempdir().expect("temp dir");
    let running = harness::start(database_url, &folder).await;
    let households = harness::new_households(&running, "抢购楼", buyers).await;
    let clients = harness::residents(&running, &households, buyers).await;

    let shop = Client::new(running.url());
    let session = shop.sign_in(&SignInRequest { phone: "13800000003".into(), password: "linli2026".into() }).await.expect("shop");
    let shop = shop.with_token(session.token);
    let campaign = shop
        .create_campaign(&NewCampaign {
            title: "秒杀鸡蛋".into(),
            description: String::new(),
            products: vec![NewProduct { name: "特价鸡蛋".into(), unit: "盒".into(), price_fen: 990, stock, per_household_limit: 1, photo: None }],
            min_households: 1,
            cut_off: Utc::now() + Duration::days(1),
            pickup_point: Some("东门".into()),
            batches: vec![],
        })
        .await
        .expect("campaign");
    let (id, eggs) = (campaign.id, campaign.products[0].id);

    let baseline = all_at_once(&clients, |client, i| async move {
        client.raw(reqwest::Method::POST, "/bench/insert", Some(&Row { n: i as i64 })).await.is_ok_and(|(status, _)| status == 201)
    })
    .await;
    let order = PlaceOrder { lines: vec![OrderLine { product_id: eggs, quantity: 1 }], fulfilment: Fulfilment::Pickup };
    let sale = all_at_once(&clients, |client, _| {
        let order = order.clone();
        async move {
            match client.place_order(id, &order).await {
                Ok(_) => true,
                Err(error) => error.code() == ErrorCode::SoldOut,
            }
        }
    })
    .await;

    let sold = shop.campaign(id).await.expect("campaign").products[0].ordered;
    assert_eq!(sold, stock.min(buyers as i64), "exactly the stock was sold");
    assert_eq!(sale.ok, buyers, "every buyer got the order or sold_out");

    report(backend, "baseline insert", buyers, &baseline);
    report(backend, "flash-sale order", buyers, &sale);
    println!(
        "{backend:<10} orders answered/s ÷ baseline/s = {:.2}; sold {sold} of {stock}",
        sale.per_second() / baseline.per_second()
    );
    running.stop().await;
}

fn main() {
    let buyers: usize = std::env::var("LINLI_BENCH_BUYERS").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000);
    let stock: i64 = std::env::var("LINLI_BENCH_STOCK").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        harness::header();
        let folder = tempfile::tempdir().expect("temp dir");
        let sqlite = format!("sqlite://{}?mode=rwc", folder.path().join("bench.db").display());
        bench("sqlite", sqlite, buyers, stock).await;
        match std::env::var("LINLI_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => bench("postgres", harness::fresh_database(&url).await, buyers, stock).await,
            _ => println!("postgres   skipped: set LINLI_TEST_POSTGRES_URL"),
        }
    });
}
