//! h5lab-kernel driven by a real jupyter_client (KernelManager, BlockingKernelClient)
//! and raw pyzmq sockets. Each test runs one check of tests/python/checks.py against a
//! kernel started from a kernelspec installed into a temporary prefix.

mod support;

use support::run_check;

macro_rules! checks {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_check(stringify!($name));
            }
        )*
    };
}

checks!(
    kernel_info,
    is_complete_blank,
    complete_and_inspect_reply_shapes,
    shutdown_without_restart,
    shutdown_through_the_manager,
    shutdown_with_restart,
    manager_restart,
    tampered_signature_is_not_executed,
    garbage_does_not_kill_the_kernel,
    sigint_does_not_kill,
    interrupt_request_on_control,
    sigterm_exits_cleanly,
    unknown_message_type_gets_busy_idle_and_no_reply,
    unsupported_usage_and_debug,
    silent_and_store_history_counting,
    execute_reply_and_error_shapes,
    stop_on_error_aborts_queued,
    history_requests_lenient,
    comms,
    ipc_transport,
    no_signing_with_an_empty_key,
    stdin_not_allowed_is_accepted,
    responsive_during_a_long_cell,
    input_through_stdin,
);

macro_rules! checks_needing_h5py {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_check(stringify!($name));
            }
        )*
    };
}

checks_needing_h5py!(
    shutdown_closes_open_files,
    kill_9_after_writing_cells_leaves_a_readable_file,
    h5py_objects_carry_html,
);

/// Every check in checks.py has a test here.
#[test]
fn every_check_is_run() {
    let Some(jupyter) = support::Jupyter::new() else { return };
    let listed = jupyter.run_script("checks.py", &["--list"]);
    let here = include_str!("jupyter_client.rs");
    for name in listed.lines().filter(|l| !l.is_empty()) {
        assert!(here.contains(&format!("    {name},\n")), "check {name} has no test");
    }
}
