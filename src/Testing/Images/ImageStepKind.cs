namespace Platform.Testing;

/// <summary>What an <see cref="ImageStep"/> adds to the image.</summary>
internal enum ImageStepKind
{
    Tree,
    File,
    Symlink,
    Instruction,
}
