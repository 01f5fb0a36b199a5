/**
 * Home Assistant MQTT discovery (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery):
 * one retained config message per entity at `<discoveryPrefix>/sensor/<nodeId>/<objectId>/config`.
 * Each meter becomes a device with energy sensors (kWh, total_increasing) for the Energy dashboard and
 * a power sensor (W, measurement), all reading one JSON state message per meter.
 */
import { type MeterReading, OBIS } from "@omdp/model";
import type { MqttSettings } from "../config";

/** The device model Home Assistant shows, by the protocol the reading came in. */
const MODEL_BY_PROTOCOL: Readonly<Record<MeterReading["source"]["protocol"], string>> = {
  dlms: "Smart meter (DLMS/COSEM)",
  mbus: "Meter (M-Bus)",
  wmbus: "Meter (wireless M-Bus)",
  dsmr: "Smart meter (DSMR P1)",
  sml: "Smart meter (SML)",
  d0: "Meter (IEC 62056-21)",
};

export interface Publication {
  readonly topic: string;
  readonly payload: string;
  readonly retain: boolean;
}

/** The sensors a meter gets, as data: state field, discovery fields, the register that enables it. */
export const SENSORS = [
  {
    object: "energy_import",
    name: "Energy import",
    field: "energy_import_kwh",
    needs: OBIS.energyImport,
    device_class: "energy",
    state_class: "total_increasing",
    unit_of_measurement: "kWh",
    suggested_display_precision: 3,
  },
  {
    object: "energy_export",
    name: "Energy export",
    field: "energy_export_kwh",
    needs: OBIS.energyExport,
    device_class: "energy",
    state_class: "total_increasing",
    unit_of_measurement: "kWh",
    suggested_display_precision: 3,
  },
  {
    object: "power",
    name: "Power",
    field: "power_w",
    needs: OBIS.powerImport,
    device_class: "power",
    state_class: "measurement",
    unit_of_measurement: "W",
    suggested_display_precision: 0,
  },
] as const;

/** Topic-safe form of a meter id (MQTT wildcards and separators replaced). */
export function topicId(meterId: string): string {
  return meterId.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function availabilityTopic(s: MqttSettings): string {
  return `${s.baseTopic}/${s.nodeId}/availability`;
}

export function stateTopic(s: MqttSettings, meterId: string): string {
  return `${s.baseTopic}/${topicId(meterId)}/state`;
}

export function eventTopic(s: MqttSettings, meterId: string): string {
  return `${s.baseTopic}/${topicId(meterId)}/event`;
}

export function alertsTopic(s: MqttSettings, meterId: string): string {
  return `${s.baseTopic}/${topicId(meterId)}/alerts`;
}

/** Home Assistant announces its (re)start here; discovery is then published again. */
export function haStatusTopic(s: MqttSettings): string {
  return `${s.discoveryPrefix}/status`;
}

function numeric(r: MeterReading, property: string): number | null {
  const v = r.values.find((x) => x.property === property)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Discovery config messages (retained) for the sensors this reading's meter can fill. */
export function discoveryFor(s: MqttSettings, reading: MeterReading, meterName?: string): Publication[] {
  const id = topicId(reading.meterId);
  const present = new Set(reading.values.map((v) => v.property));
  return SENSORS.filter((x) => present.has(x.needs)).map((x) => {
    const objectId = `${id}_${x.object}`;
    const config = {
      name: x.name,
      unique_id: `${s.nodeId}_${objectId}`,
      state_topic: stateTopic(s, reading.meterId),
      value_template: `{{ value_json.${x.field} }}`,
      device_class: x.device_class,
      state_class: x.state_class,
      unit_of_measurement: x.unit_of_measurement,
      suggested_display_precision: x.suggested_display_precision,
      availability_topic: availabilityTopic(s),
      payload_available: "online",
      payload_not_available: "offline",
      device: {
        identifiers: [`${s.nodeId}_${id}`],
        name: meterName ?? `Meter ${reading.meterId}`,
        manufacturer: "Open Meter Data Platform",
        model: MODEL_BY_PROTOCOL[reading.source.protocol],
        serial_number: reading.meterId,
      },
      origin: { name: "omdp events", sw_version: "0.1.0" },
    };
    return {
      topic: `${s.discoveryPrefix}/sensor/${s.nodeId}/${objectId}/config`,
      payload: JSON.stringify(config),
      retain: true,
    };
  });
}

/** The meter's state message: energies in kWh (3 decimals), net power in W (import minus export). */
export function statePayload(reading: MeterReading): Record<string, number | string | null> {
  const kwh = (wh: number | null) => (wh === null ? null : Math.round(wh) / 1000);
  const pImp = numeric(reading, OBIS.powerImport);
  const pExp = numeric(reading, OBIS.powerExport);
  return {
    energy_import_kwh: kwh(numeric(reading, OBIS.energyImport)),
    energy_export_kwh: kwh(numeric(reading, OBIS.energyExport)),
    power_w: pImp === null && pExp === null ? null : (pImp ?? 0) - (pExp ?? 0),
    power_import_w: pImp,
    power_export_w: pExp,
    reading_time: reading.readingTime,
  };
}
