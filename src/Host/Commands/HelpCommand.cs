using Platform.Host.Cli;

namespace Platform.Host.Commands;

/// <summary><c>help</c> / <c>--help</c>: the commands and options this systemctl understands.</summary>
internal static class HelpCommand
{
    private const string Text = """
        systemctl [OPTIONS...] COMMAND ...

        Query or send control commands to the system, without a service manager daemon.

        Unit Commands:
          list-units [PATTERN...]             List units (known, loaded or with a status)
          is-active PATTERN...                Check whether units are active
          is-failed PATTERN...                Check whether units are failed
          status [PATTERN...]                 Show runtime status of one or more units
          show [PATTERN...]                   Show properties of one or more units
          cat PATTERN...                      Show files and drop-ins of specified units
          list-dependencies [UNIT...]         Recursively show units which are required
                                              or wanted by the units
          start UNIT...                       Start (activate) one or more units
          stop UNIT...                        Stop (deactivate) one or more units
          reload UNIT...                      Reload one or more units
          restart UNIT...                     Start or restart one or more units
          try-restart UNIT...                 Restart one or more units if active
          reload-or-restart UNIT...           Reload one or more units if possible,
                                              otherwise start or restart
          reload-or-try-restart UNIT...       Reload if possible, otherwise restart if active
          kill UNIT...                        Send signal to processes of a unit
          clean UNIT...                       Clean runtime, cache, state, logs or
                                              configuration of unit
          reset-failed [PATTERN...]           Reset failed state for all, one, or more units

        Unit File Commands:
          list-unit-files [PATTERN...]        List installed unit files
          enable [UNIT...]                    Enable one or more unit files
          disable UNIT...                     Disable one or more unit files
          reenable UNIT...                    Reenable one or more unit files
          preset UNIT...                      Enable/disable one or more unit files
                                              based on preset configuration
          preset-all                          Enable/disable all unit files based on
                                              preset configuration
          is-enabled UNIT...                  Check whether unit files are enabled
          mask UNIT...                        Mask one or more units
          unmask UNIT...                      Unmask one or more units
          get-default                         Get the name of the default target
          set-default TARGET                  Set the default target

        Manager and Init Commands:
          daemon-reload                       Accepted; unit files are read on every call
          init [UNIT...]                      Run as init: start units, reap, stop on SIGTERM
          default                             Start the default target's units
          halt                                Stop every unit, in reverse dependency order
          is-system-running                   Check whether the system is fully running
          list-plugins                        List plugins: kind, name, assembly, state

        Options:
          -h --help           Show this help
             --version        Show package version
             --root=PATH      Operate on an alternate root folder
             --user           Talk to the user's units
             --system         Talk to the system's units (default)
          -t --type=TYPE      List units of a particular type
             --state=STATE    List units with particular LOAD or SUB or ACTIVE state
          -p --property=NAME  Show only properties by this name
             --value          When showing properties, only print the value
          -a --all            Show all properties/all units
          -l --full           Don't ellipsize unit names on output
          -q --quiet          Suppress output
             --now            Start or stop unit after enabling or disabling it
          -f --force          When enabling unit files, override existing symlinks
          -n --lines=INTEGER  Number of journal entries to show
          -o --output=STRING  Change journal output mode
             --no-legend      Do not print a legend (column headers and hints)
             --no-pager       Accepted (output is never paged)
          -s --signal=SIGNAL  Which signal to send
             --kill-whom=WHOM Whom to send signal to (main, all)
          -c NAME=VALUE       Override a configuration setting (e.g. DefaultTimeoutStartSec=5)
          -1 --init           Run as init even when not PID 1
          -0 --exit           As init: exit when no services are left
          -v                  More diagnostics (repeatable)
        """;

    public static int Run(HostContext ctx)
    {
        ctx.Out.WriteLine(Text);
        return ExitCodes.Success;
    }
}
