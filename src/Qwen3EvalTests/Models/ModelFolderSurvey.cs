namespace Qwen3EvalTests.Models;

/// <summary>A file of a model folder: its path relative to the folder ('/'-separated) and the full path its bytes are read from.</summary>
/// <param name="RelativePath">The path under the folder as listed (a symlink inside the folder by its own name).</param>
/// <param name="FullPath">Where its bytes are, after symlinks: always inside the folder.</param>
public sealed record ModelFolderFile(string RelativePath, string FullPath);

/// <summary>What <see cref="ModelFolderSandbox.Survey"/> found: the files inside the folder and every entry that breaks the sandbox.</summary>
/// <param name="Files">Every readable file inside the folder, sorted by relative path.</param>
/// <param name="Problems">Every entry refused (outside the folder, a loop, unreadable, a parsed file too big), in folder order.</param>
public sealed record ModelFolderSurvey(IReadOnlyList<ModelFolderFile> Files, IReadOnlyList<InputProblem> Problems);
