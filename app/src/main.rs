//! The wasm entry point: mount the app. (Natively this binary does nothing useful; the
//! crate builds natively so that its unit tests run.)

fn main() {
    #[cfg(target_arch = "wasm32")]
    linli_app::mount();
}
