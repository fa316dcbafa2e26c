namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>
/// Watches the frames of each connection this node holds (the peer's <c>FrameLogged</c>), whoever sent the call: features
/// that learn from answers (the device model from GetVariables) or act after an answer went out (a report after boot).
/// Observers run on the receive/send path: they must only look and queue, never wait.
/// </summary>
public interface IStationFrameTap
{
    void Attach(IStationConnection connection);
}
