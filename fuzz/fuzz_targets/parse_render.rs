//! Arbitrary bytes as a teammate's update file: parse, render every way, and
//! check that nothing unsafe reaches a terminal.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    async_up::untrusted::parse_and_render(data);
});
