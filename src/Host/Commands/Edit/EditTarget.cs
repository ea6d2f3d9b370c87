namespace Platform.Host.Commands.Edit;

/// <summary>One file <c>edit</c> works on.</summary>
/// <param name="Path">The file on disk (under <c>--root</c>).</param>
/// <param name="InRoot">The same file as the managed system sees it, for messages.</param>
/// <param name="Initial">What the editor starts with.</param>
/// <param name="DropIn">Whether it is a drop-in (whose folder is removed again when left empty).</param>
internal sealed record EditTarget(string Path, string InRoot, string Initial, bool DropIn);
