using System.Text.Json;
using Platform.Abstractions;

namespace Platform.StatusStores;

/// <summary>
/// Reads what <see cref="UnitStatusJsonWriter"/> wrote with Utf8JsonReader. Anything that is not one well-formed
/// record (truncated, wrong types, unknown state word, no unit) yields null, never an exception, because a
/// damaged status file must read as "no record". Unknown properties are skipped so later versions can add fields.
/// </summary>
internal static class UnitStatusJsonReader
{
    public static UnitStatus? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ParseObject(utf8);
        }
        catch (JsonException) { return null; }
        catch (InvalidOperationException) { return null; } // a value of the wrong token type
        catch (FormatException) { return null; } // a number out of range
    }

    private static UnitStatus? ParseObject(ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
        string? unit = null, subState = null, result = null, statusText = null, notifySocket = null, bootId = null,
            invocationId = null;
        var activeState = ActiveState.Inactive;
        int mainPid = 0, controlPid = 0, execMainPid = 0, execMainCode = 0, execMainStatus = 0, statusErrno = 0,
            nRestarts = 0;
        ulong mainPidStartTime = 0;
        long execMainStart = 0, execMainExit = 0, activeEnter = 0, activeExit = 0, inactiveExit = 0, inactiveEnter = 0,
            stateChange = 0;
        Dictionary<string, string>? extra = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString();
            r.Read();
            switch (name)
            {
                case "Unit": unit = r.GetString(); break;
                case "ActiveState": if (!ActiveStateWords.TryParse(r.GetString(), out activeState)) return null; break;
                case "SubState": subState = r.GetString(); break;
                case "Result": result = r.GetString(); break;
                case "MainPid": mainPid = r.GetInt32(); break;
                case "MainPidStartTime": mainPidStartTime = r.GetUInt64(); break;
                case "ControlPid": controlPid = r.GetInt32(); break;
                case "ExecMainPid": execMainPid = r.GetInt32(); break;
                case "ExecMainCode": execMainCode = r.GetInt32(); break;
                case "ExecMainStatus": execMainStatus = r.GetInt32(); break;
                case "ExecMainStartTimestamp": execMainStart = r.GetInt64(); break;
                case "ExecMainExitTimestamp": execMainExit = r.GetInt64(); break;
                case "ActiveEnterTimestamp": activeEnter = r.GetInt64(); break;
                case "ActiveExitTimestamp": activeExit = r.GetInt64(); break;
                case "InactiveExitTimestamp": inactiveExit = r.GetInt64(); break;
                case "InactiveEnterTimestamp": inactiveEnter = r.GetInt64(); break;
                case "StateChangeTimestamp": stateChange = r.GetInt64(); break;
                case "StatusText": statusText = r.GetString(); break;
                case "StatusErrno": statusErrno = r.GetInt32(); break;
                case "NRestarts": nRestarts = r.GetInt32(); break;
                case "NotifySocket": notifySocket = r.GetString(); break;
                case "BootId": bootId = r.GetString(); break;
                case "InvocationId": invocationId = r.GetString(); break;
                case "Extra": extra = ParseExtra(ref r); break;
                default: r.Skip(); break;
            }
        }
        if (r.TokenType != JsonTokenType.EndObject || string.IsNullOrEmpty(unit)) return null;
        // Trailing bytes after the object make Read throw (caught above); whitespace is fine.
        while (r.Read()) { }
        return new UnitStatus
        {
            Unit = unit,
            ActiveState = activeState,
            SubState = subState ?? "dead",
            Result = result ?? "success",
            MainPid = mainPid,
            MainPidStartTime = mainPidStartTime,
            ControlPid = controlPid,
            ExecMainPid = execMainPid,
            ExecMainCode = execMainCode,
            ExecMainStatus = execMainStatus,
            ExecMainStartTimestamp = execMainStart,
            ExecMainExitTimestamp = execMainExit,
            ActiveEnterTimestamp = activeEnter,
            ActiveExitTimestamp = activeExit,
            InactiveExitTimestamp = inactiveExit,
            InactiveEnterTimestamp = inactiveEnter,
            StateChangeTimestamp = stateChange,
            StatusText = statusText,
            StatusErrno = statusErrno,
            NRestarts = nRestarts,
            NotifySocket = notifySocket,
            BootId = bootId,
            InvocationId = invocationId,
            Extra = extra ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, string>? ParseExtra(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType != JsonTokenType.StartObject) throw new JsonException("Extra is not an object");
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.GetString()!;
            r.Read();
            extra[key] = r.GetString() ?? throw new JsonException("Extra values are strings");
        }
        return extra;
    }
}
