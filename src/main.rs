//! The portal's entry point (built by trunk).

fn main() {
    portal::run();
}
