using System.Globalization;
using System.Text.RegularExpressions;

namespace ChargePortal.Web.Payments.Cards;

/// <summary>What a simulated card does when a hold is placed on it, after Stripe's test cards.</summary>
public enum TestCardBehavior
{
    Succeeds,
    Declined,
    InsufficientFunds,
    RequiresAuthentication,
}

/// <summary>What the add-card form collects. Only <see cref="TestCardCheck"/> ever sees the full number.</summary>
public sealed record CardEntry(string? Number, string? Expiry, string? Cvc);

/// <summary>A checked card: what may be stored about it (never the number).</summary>
public sealed record CheckedCard(string Brand, string Last4, int ExpMonth, int ExpYear, TestCardBehavior Behavior);

/// <summary>
/// Checks a card typed into the test-mode form like Stripe checks its test cards: well-formed number with a
/// valid Luhn check digit, an expiry in the future, a CVC of the brand's length, and one of Stripe's test
/// numbers (test mode takes no real card, as Stripe's test mode refuses them).
/// </summary>
public static partial class TestCardCheck
{
    /// <summary>Stripe's test card numbers the simulated provider knows, and how each behaves.</summary>
    public static readonly IReadOnlyDictionary<string, (string Brand, TestCardBehavior Behavior)> Known = new Dictionary<string, (string, TestCardBehavior)>
    {
        ["4242424242424242"] = ("visa", TestCardBehavior.Succeeds),
        ["4000056655665556"] = ("visa", TestCardBehavior.Succeeds),
        ["5555555555554444"] = ("mastercard", TestCardBehavior.Succeeds),
        ["378282246310005"] = ("amex", TestCardBehavior.Succeeds),
        ["4000000000000002"] = ("visa", TestCardBehavior.Declined),
        ["4000000000000341"] = ("visa", TestCardBehavior.Declined),
        ["4000000000009995"] = ("visa", TestCardBehavior.InsufficientFunds),
        ["4000002500003155"] = ("visa", TestCardBehavior.RequiresAuthentication),
    };

    /// <summary>Cards are not issued for longer than this; a later expiry is a typo.</summary>
    private const int MaxYearsAhead = 20;

    public static CheckedCard? Check(CardEntry entry, DateTimeOffset now, out string? error)
    {
        var number = (entry.Number ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        error = number switch
        {
            "" => "Enter the card number.",
            _ when !number.All(char.IsAsciiDigit) => "A card number has digits only (spaces are fine).",
            { Length: < 12 or > 19 } => "A card number has 12 to 19 digits.",
            _ when !LuhnValid(number) => "This card number is not valid: check it for a typo.",
            _ when !Known.ContainsKey(number) => "Test mode takes only Stripe's test card numbers, e.g. 4242 4242 4242 4242. No real card is charged here.",
            _ => null,
        };
        if (error is not null)
        {
            return null;
        }

        var (brand, behavior) = Known[number];
        if (!TryParseExpiry(entry.Expiry, out var month, out var year))
        {
            error = "Enter the expiry date as MM/YY.";
            return null;
        }

        // A card is valid through the last day of its expiry month.
        if (year < now.Year || (year == now.Year && month < now.Month))
        {
            error = "This card has expired.";
            return null;
        }

        if (year > now.Year + MaxYearsAhead)
        {
            error = "The expiry year is too far ahead: check it for a typo.";
            return null;
        }

        var cvcLength = brand == "amex" ? 4 : 3;
        var cvc = entry.Cvc?.Trim() ?? "";
        if (cvc.Length != cvcLength || !cvc.All(char.IsAsciiDigit))
        {
            error = brand == "amex" ? "The security code (CVC) is the 4 digits on the front of the card." : "The security code (CVC) is the 3 digits on the back of the card.";
            return null;
        }

        return new CheckedCard(brand, number[^4..], month, year, behavior);
    }

    /// <summary>The Luhn (mod 10) check digit every card number ends with.</summary>
    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>MM/YY or MM/YYYY (also with "-" or spaces around the slash).</summary>
    public static bool TryParseExpiry(string? text, out int month, out int year)
    {
        month = year = 0;
        var match = ExpiryPattern().Match(text ?? "");
        if (!match.Success)
        {
            return false;
        }

        month = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        year = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += 2000;
        }

        return month is >= 1 and <= 12;
    }

    [GeneratedRegex(@"^\s*(\d{1,2})\s*[/\-]\s*(\d{2}|\d{4})\s*$")]
    private static partial Regex ExpiryPattern();
}
