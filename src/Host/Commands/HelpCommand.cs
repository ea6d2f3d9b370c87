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
          list-sockets [PATTERN...]           List socket units, ordered by address
          list-timers [PATTERN...]            List timer units, ordered by next elapse
          list-paths [PATTERN...]             List path units, ordered by path
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
          edit UNIT...                        Edit one or more unit files
          set-default TARGET                  Set the default target

        Job Commands:
          list-jobs [PATTERN...]              List units being started, stopped or reloaded

        Environment Commands:
          show-environment                    Dump environment
          set-environment VARIABLE=VALUE...   Set one or more environment variables
          unset-environment VARIABLE...       Unset one or more environment variables
          import-environment VARIABLE...      Import all or some environment variables

        Manager and Init Commands:
          daemon-reload                       Accepted; unit files are read on every call
          init [UNIT...]                      Run as init: start units, reap, stop on SIGTERM
          default                             Start the default target's units
          halt                                Stop every unit, in reverse dependency order
          is-system-running                   Check whether the system is fully running
          list-plugins                        List plugins: kind, name, assembly, state

        Options:
        """;

    public static int Run(HostContext ctx)
    {
        ctx.Out.Write(Text);
        ctx.Out.Write('\n');
        ctx.Out.Write(OptionTable.Help());
        return ExitCodes.Success;
    }
}
