using System.Globalization;
using System.Text.Json;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// Every path genai_config.json names, by JSON path: a string under a key that is <c>filename</c> or ends in
/// <c>_filename</c>, <c>_path</c>, <c>_file</c>, <c>_library</c>, <c>_dir</c> or <c>_folder</c>, at any depth (the decoder's
/// and the pipeline's ONNX files, embedding/vision/speech models, <c>session_options.custom_ops_library</c>, provider
/// options that name cache files). Each is read by GenAI or ONNX Runtime, so each must lie inside the model folder.
/// </summary>
public static class GenAiConfigPaths
{
    private static readonly string[] PathKeySuffixes = ["_filename", "_path", "_file", "_library", "_dir", "_folder"];

    public static IReadOnlyList<(string Field, string Path)> Named(JsonElement root)
    {
        var found = new List<(string, string)>();
        Walk(root, "", found);
        return found;
    }

    public static bool IsPathKey(string key) =>
        key == "filename" || PathKeySuffixes.Any(suffix => key.EndsWith(suffix, StringComparison.Ordinal));

    private static void Walk(JsonElement element, string at, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var field = at.Length == 0 ? property.Name : $"{at}.{property.Name}";
                    if (property.Value.ValueKind == JsonValueKind.String && IsPathKey(property.Name))
                    {
                        if (property.Value.GetString() is { Length: > 0 } path)
                        {
                            found.Add((field, path));
                        }
                    }
                    else
                    {
                        Walk(property.Value, field, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{at}[{index++}]"), found);
                }

                break;
        }
    }
}
