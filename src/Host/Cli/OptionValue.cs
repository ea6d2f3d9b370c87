namespace Platform.Host.Cli;

/// <summary>Whether an option takes an argument, as getopt_long's has_arg.</summary>
internal enum OptionValue
{
    /// <summary>A flag.</summary>
    None,
    /// <summary><c>--opt=V</c> or <c>--opt V</c> (<c>-oV</c> or <c>-o V</c>).</summary>
    Required,
    /// <summary>Only <c>--opt=V</c>; a bare <c>--opt</c> is allowed.</summary>
    Optional,
}
