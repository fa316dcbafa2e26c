using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;

namespace ChargePortal.Web.Accounts;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string From { get; set; } = "ChargePortal <no-reply@chargeportal.local>";

    /// <summary>Folder where mail is written as .eml files when no SMTP host is set (Development).</summary>
    public string PickupDirectory { get; set; } = "";

    public SmtpSettings Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"{Smtp.Port} is not a TCP port (1-65535).", ["Smtp:Port"]);
        }
    }

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}

public sealed record OutgoingMail(string To, string Subject, string HtmlBody);

/// <summary>How mail leaves the process: SMTP in production, a pickup folder otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

internal sealed class PickupFolderMailTransport(EmailOptions options, IHostEnvironment environment, ILogger<PickupFolderMailTransport> logger) : IMailTransport
{
    public string Directory { get; } = string.IsNullOrWhiteSpace(options.PickupDirectory)
        ? Path.Combine(Path.GetTempPath(), "chargeportal-mail")
        : Path.GetFullPath(options.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var content = $"""
            From: {options.From}
            To: {mail.To}
            Subject: {mail.Subject}
            Content-Type: text/html; charset=utf-8

            {mail.HtmlBody}
            """;
        await File.WriteAllTextAsync(file, content, cancellationToken);
        logger.LogInformation("Mail to {To} ({Subject}) written to {File}", Hosting.Logging.LogRedaction.Email(mail.To), mail.Subject, file);
    }
}

internal sealed class SmtpMailTransport(EmailOptions options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient(options.Smtp.Host, options.Smtp.Port) { EnableSsl = options.Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(options.Smtp.UserName, options.Smtp.Password);
        }

        using var message = new MailMessage { From = new MailAddress(options.From), Subject = mail.Subject, Body = mail.HtmlBody, IsBodyHtml = true };
        message.To.Add(mail.To);
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>The mails Identity sends (confirmation, password reset).</summary>
internal sealed class IdentityEmailSender(IMailTransport transport) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        transport.SendAsync(new(email, "Confirm your ChargePortal account",
            $"<p>Welcome to ChargePortal.</p><p><a href=\"{HtmlEncoder.Default.Encode(confirmationLink)}\">Confirm your email address</a>.</p>"));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        transport.SendAsync(new(email, "Reset your ChargePortal password",
            $"<p><a href=\"{HtmlEncoder.Default.Encode(resetLink)}\">Choose a new password</a>. If you did not ask for this, ignore this mail.</p>"));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        transport.SendAsync(new(email, "Your ChargePortal password reset code",
            $"<p>Your reset code: <strong>{HtmlEncoder.Default.Encode(resetCode)}</strong></p>"));
}
