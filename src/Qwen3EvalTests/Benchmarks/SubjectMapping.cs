namespace Qwen3EvalTests.Benchmarks;

/// <summary>The JSON shapes of the shipped subject mappings (Benchmarks/Mappings/).</summary>
public enum SubjectMappingShape
{
    /// <summary><c>{"abstract_algebra": {"subcategory": "math", "category": "STEM"}}</c> (hendrycks/test categories.py).</summary>
    Mmlu,

    /// <summary><c>{"computer_network": ["Computer Network", "计算机网络", "STEM"]}</c> (C-Eval subject_mapping.json).</summary>
    Ceval,

    /// <summary><c>{"agronomy": {"zh": "农学", "subcategories": ["other"], "category": "Other", "china_specific": false}}</c>.</summary>
    Cmmlu,
}

/// <summary>A benchmark's subject catalogue: an embedded mapping file and its shape.</summary>
/// <param name="Resource">The file name under Benchmarks/Mappings/, embedded as Qwen3EvalTests.Mappings.{Resource}.</param>
/// <param name="Shape">How the file is laid out.</param>
public sealed record SubjectMapping(string Resource, SubjectMappingShape Shape);
